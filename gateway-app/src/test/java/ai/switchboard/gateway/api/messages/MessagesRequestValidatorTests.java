package ai.switchboard.gateway.api.messages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ai.switchboard.gateway.api.error.ApiException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Request checks beyond the field table: whole requests as clients send them, and rules across fields. */
class MessagesRequestValidatorTests {

    private static final String HI = "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]";

    @Test
    void claudeCodesRequestIsAccepted() {
        MessagesRequest request = MessagesBodies.valid(MessagesBodies.resource("claude-code-request.json"));

        assertThat(request.isStream()).isTrue();
        assertThat(request.tools().size()).isEqualTo(12);
        assertThat(request.maxTokens()).isEqualTo(32000);
    }

    @Test
    void theToolRoundTripWithImagesDocumentsThinkingAndAServerToolIsAccepted() {
        assertThatCode(() -> MessagesBodies.valid(MessagesBodies.resource("tool-round-trip-request.json")))
                .doesNotThrowAnyException();
    }

    @Test
    void countingNeedsNoMaxTokensButSendingNeedsThem() {
        MessagesRequest count = MessagesBodies.parse("{\"model\":\"m\"," + HI + "}");

        assertThatCode(() -> MessagesRequestValidator.validateCount(count)).doesNotThrowAnyException();
        ApiException refused = catchThrowableOfType(ApiException.class,
                () -> MessagesRequestValidator.validate(count));
        assertThat(refused.param()).isEqualTo("max_tokens");
        assertThat(refused.getMessage()).isEqualTo("Missing required parameter: 'max_tokens'.");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
        "a final assistant prefill may be empty|{\"role\":\"assistant\",\"content\":\"\"}",
        "a final assistant prefill may have no blocks|{\"role\":\"assistant\",\"content\":[]}",
        "blocks of kinds Anthropic adds later pass|{\"role\":\"assistant\",\"content\":[{\"type\":\"compaction\",\"x\":1}]}",
    })
    void acceptedLastTurns(String description, String lastTurn) {
        assertThatCode(() -> MessagesBodies.valid("{\"model\":\"m\",\"max_tokens\":5,\"messages\":["
                + "{\"role\":\"user\",\"content\":\"hi\"}," + lastTurn + "]}")).doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
        "an empty assistant turn before the last|messages[0].content|[{\"role\":\"assistant\",\"content\":\"\"},"
                + "{\"role\":\"user\",\"content\":\"hi\"}]",
        "an empty user turn at the end|messages[0].content|[{\"role\":\"user\",\"content\":[]}]",
        "a tool result from the assistant|messages[0].content[0].type|[{\"role\":\"assistant\",\"content\":"
                + "[{\"type\":\"tool_result\",\"tool_use_id\":\"t\"}]}]",
        "a tool call from the user|messages[0].content[0].type|[{\"role\":\"user\",\"content\":"
                + "[{\"type\":\"tool_use\",\"id\":\"t\",\"name\":\"f\",\"input\":{}}]}]",
        "an unknown role|messages[0].role|[{\"role\":\"developer\",\"content\":\"hi\"}]",
        "an empty system message|messages[1].content|[{\"role\":\"user\",\"content\":\"hi\"},"
                + "{\"role\":\"system\",\"content\":\"\"}]",
        "an image in a system message|messages[1].content[0].type|[{\"role\":\"user\",\"content\":\"hi\"},"
                + "{\"role\":\"system\",\"content\":[{\"type\":\"image\",\"source\":{\"type\":\"url\","
                + "\"url\":\"https://x/y.png\"}}]}]",
        "an image of another type|messages[0].content[0].source.media_type|[{\"role\":\"user\",\"content\":"
                + "[{\"type\":\"image\",\"source\":{\"type\":\"base64\",\"media_type\":\"image/tiff\",\"data\":\"A\"}}]}]",
    })
    void refusedConversations(String description, String param, String messages) {
        ApiException refused = catchThrowableOfType(ApiException.class,
                () -> MessagesBodies.valid("{\"model\":\"m\",\"max_tokens\":5,\"messages\":" + messages + "}"));

        assertThat(refused.param()).isEqualTo(param);
        assertThat(refused.status()).isEqualTo(400);
    }

    @Test
    void unknownTopLevelFieldsPassForTheUpstreamToJudge() {
        MessagesRequest request = MessagesBodies.valid("{\"model\":\"m\",\"max_tokens\":5," + HI
                + ",\"brand_new_option\":{\"x\":1}}");

        assertThat(request.toJson().get("brand_new_option").get("x").asInt()).isEqualTo(1);
    }

    @Test
    void duplicateKeysAndTrailingDataAreRefusedAsForEveryApi() {
        ApiException duplicate = catchThrowableOfType(ApiException.class, () -> MessagesBodies.parse(
                "{\"model\":\"m\",\"model\":\"n\",\"max_tokens\":5," + HI + "}"));

        assertThat(duplicate.getMessage()).contains("Duplicate key 'model'");
    }
}
