package ai.switchboard.gateway.api.support;

import static org.assertj.core.api.Assertions.assertThat;

import ai.switchboard.gateway.api.error.ApiException;
import ai.switchboard.gateway.api.responses.ResponsesRequestValidator;
import ai.switchboard.gateway.api.responses.wire.ResponsesRequest;
import ai.switchboard.gateway.it.fields.EndpointTable;
import ai.switchboard.gateway.it.fields.Field;
import ai.switchboard.gateway.it.fields.FieldCase;
import ai.switchboard.gateway.it.fields.ResponsesFields;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;

/**
 * The {@code /v1/responses} field table run against the body binding and the validator directly, as the HTTP
 * generator ({@code V1FieldValidationIT}) will run it once the route is registered: every refused value names its
 * parameter, shows no Java, and every valid value passes.
 */
class ResponsesFieldTableTests {

    private static final EndpointTable TABLE = ResponsesFields.table();

    @ParameterizedTest(name = "{0}")
    @MethodSource("fields")
    void eachFieldRefusesBadValuesNamingItAndAcceptsGoodOnes(String name, Field field) {
        SoftAssertions softly = new SoftAssertions();
        for (FieldCase fieldCase : TABLE.cases(field)) {
            ApiException refusal = refusal(fieldCase.body("gpt-test"));
            if (fieldCase.refused()) {
                softly.assertThat(refusal).as(fieldCase.toString()).isNotNull();
                if (refusal != null) {
                    softly.assertThat(refusal.param()).as(fieldCase + ": " + refusal.getMessage())
                            .isEqualTo(fieldCase.refusedParam());
                    softly.assertThat(refusal.status()).isEqualTo(400);
                    softly.assertThat(JavaNames.find(refusal.getMessage())).as(refusal.getMessage()).isNull();
                }
            } else {
                softly.assertThat(refusal).as(fieldCase + ": " + (refusal == null ? "" : refusal.getMessage()))
                        .isNull();
            }
        }
        softly.assertAll();
    }

    static Stream<Arguments> fields() {
        return TABLE.fields().stream().map(field -> Arguments.of(field.param() + (field.companions().isEmpty() ? ""
                : " with " + field.companions()), field));
    }

    private static ApiException refusal(String body) {
        try {
            ResponsesRequest request = JsonBodies.bind(DefaultDataBufferFactory.sharedInstance.wrap(
                    body.getBytes(StandardCharsets.UTF_8)), ResponsesRequest.class);
            ResponsesRequestValidator.validate(request);
            assertThat(request).isNotNull();
            return null;
        } catch (ApiException refused) {
            return refused;
        }
    }
}
