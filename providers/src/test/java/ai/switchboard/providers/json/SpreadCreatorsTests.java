package ai.switchboard.providers.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.switchboard.providers.api.ChatRequest;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.exc.ValueInstantiationException;
import tools.jackson.databind.json.JsonMapper;

class SpreadCreatorsTests {

    // Absent ints are 0, as WireJson allows.
    private static final JsonMapper SPREADING = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES).addModule(SpreadCreators.module()).build();
    private static final JsonMapper JACKSONS_OWN = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES).build();

    record Part(String text, int index) {
    }

    record Whole(String name, List<Part> parts, Part main) {
    }

    record Refusing(int size) {
        Refusing {
            if (size < 0) {
                throw new IllegalArgumentException("size must not be negative");
            }
        }
    }

    static final class Factory {
        final String value;

        private Factory(String value) {
            this.value = value;
        }

        @JsonCreator
        static Factory of(@JsonProperty("value") String value, @JsonProperty("times") int times) {
            return new Factory(value.repeat(times));
        }
    }

    @Test
    void recordsNestedRecordsAndFactoriesComeOutAsJacksonsOwnInstantiatorBuildsThem() {
        String whole = "{\"name\":\"w\",\"parts\":[{\"text\":\"a\",\"index\":1},{\"index\":2}],\"main\":{\"text\":\"m\"}}";

        assertThat(SPREADING.readValue(whole, Whole.class)).isEqualTo(JACKSONS_OWN.readValue(whole, Whole.class))
                .isEqualTo(new Whole("w", List.of(new Part("a", 1), new Part(null, 2)), new Part("m", 0)));
        assertThat(SPREADING.readValue("{\"value\":\"ab\",\"times\":2}", Factory.class).value).isEqualTo("abab");
    }

    @Test
    void aCreatorThatRefusesAValueFailsAsItDoesWithJacksonsOwnInstantiator() {
        String negative = "{\"size\":-1}";
        Throwable own = catchFailure(() -> JACKSONS_OWN.readValue(negative, Refusing.class));

        assertThatThrownBy(() -> SPREADING.readValue(negative, Refusing.class))
                .isInstanceOf(ValueInstantiationException.class)
                .hasMessage(own.getMessage())
                .hasRootCauseInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theGatewaysMappersUseIt() {
        assertThat(WireJson.mapper().registeredModules()).extracting(JacksonModule::getRegistrationId)
                .contains("spread-creators");
        assertThat(ClientJson.mapper().registeredModules()).extracting(JacksonModule::getRegistrationId)
                .contains("spread-creators");
        String body = "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"max_tokens\":5}";
        assertThat(ClientJson.mapper().readValue(body, ChatRequest.class))
                .isEqualTo(JACKSONS_OWN.rebuild().build().readValue(body, ChatRequest.class));
    }

    private static Throwable catchFailure(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            return e;
        }
        throw new AssertionError("expected a failure");
    }
}
