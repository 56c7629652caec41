package ai.switchboard.gateway.api.messages;

import static org.assertj.core.api.Assertions.assertThat;

import ai.switchboard.gateway.api.error.ApiException;
import ai.switchboard.gateway.api.support.JavaNames;
import ai.switchboard.gateway.it.fields.EndpointTable;
import ai.switchboard.gateway.it.fields.FieldCase;
import ai.switchboard.gateway.it.fields.MessagesFields;
import java.util.List;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The {@code /v1/messages} field table against the request checks themselves: every bad value of every documented
 * field is refused with a 400 that names the field in Anthropic's shape and shows no Java, and every good value is
 * accepted and translates for a provider that does not speak the Messages API.
 */
class MessagesFieldTableTests {

    @ParameterizedTest(name = "{0}")
    @MethodSource("fields")
    void eachFieldRefusesBadValuesNamingItAndAcceptsGoodOnes(String field, List<FieldCase> cases) {
        SoftAssertions softly = new SoftAssertions();
        for (FieldCase fieldCase : cases) {
            String body = fieldCase.body("claude-sonnet-4-6");
            if (fieldCase.refused()) {
                Throwable refused = softly.assertThatThrownBy(() -> MessagesBodies.valid(body)).as(fieldCase.toString())
                        .isInstanceOf(ApiException.class).actual();
                if (refused instanceof ApiException api) {
                    softly.assertThat(api.param()).as(fieldCase + ": " + api.getMessage())
                            .isEqualTo(fieldCase.refusedParam());
                    MessagesError error = MessagesError.of(api, 1024, null);
                    softly.assertThat(error.status()).as(fieldCase.toString()).isEqualTo(400);
                    softly.assertThat(error.body().error().type()).isEqualTo("invalid_request_error");
                    softly.assertThat(api.getMessage()).as(fieldCase.toString()).isNotBlank().hasSizeLessThan(600);
                    softly.assertThat(JavaNames.find(api.getMessage())).as(fieldCase + ": " + api.getMessage())
                            .isNull();
                }
            }
            else {
                softly.assertThatCode(() -> MessagesToChat.translate(MessagesBodies.valid(body)))
                        .as(fieldCase.toString()).doesNotThrowAnyException();
            }
        }
        softly.assertAll();
    }

    static Stream<Arguments> fields() {
        EndpointTable table = MessagesFields.table();
        return table.fields().stream().map(field -> Arguments.of(field.param(), table.cases(field)));
    }

    @org.junit.jupiter.api.Test
    void theBaseBodyOfTheTableIsValid() {
        String base = MessagesFields.table().baseBody().replace(EndpointTable.MODEL, "m");
        assertThat(MessagesToChat.translate(MessagesBodies.valid(base)).chat().messages()).hasSize(4);
    }
}
