package ai.switchboard.gateway.api.messages;

import static org.assertj.core.api.Assertions.assertThat;

import ai.switchboard.routing.policy.PromptTokens;
import org.junit.jupiter.api.Test;

/** The token estimate for providers without a counting endpoint. */
class MessagesTokenCounterTests {

    @Test
    void countsSystemMessagesToolCallsResultsAndToolsWithFramingPerMessage() {
        MessagesRequest request = count("""
                {"model":"m","system":"Be brief.",
                 "messages":[
                  {"role":"user","content":"What is the weather in Paris?"},
                  {"role":"assistant","content":[{"type":"thinking","thinking":"not counted","signature":"s"},
                   {"type":"tool_use","id":"t","name":"get_weather","input":{"city":"Paris"}}]},
                  {"role":"user","content":[{"type":"tool_result","tool_use_id":"t","content":[
                   {"type":"text","text":"18 degrees"}]}]}],
                 "tools":[{"name":"get_weather","description":"Weather by city",
                  "input_schema":{"type":"object","properties":{"city":{"type":"string"}}}}]}""");

        int expected = 3 + PromptTokens.count("Be brief.")
                + 4 + PromptTokens.count("What is the weather in Paris?")
                + 4 + PromptTokens.count("get_weather") + PromptTokens.count("{\"city\":\"Paris\"}")
                + 4 + PromptTokens.count("18 degrees")
                + PromptTokens.count("get_weather") + PromptTokens.count("Weather by city")
                + PromptTokens.count("{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}}}");
        assertThat(MessagesTokenCounter.estimate(request)).isEqualTo(expected);
    }

    @Test
    void imagesCountAsAFullSizeImageAndTextDocumentsAsTheirText() {
        MessagesRequest request = count("""
                {"model":"m","messages":[{"role":"user","content":[
                 {"type":"image","source":{"type":"url","url":"https://x/a.png"}},
                 {"type":"document","source":{"type":"text","media_type":"text/plain","data":"plain words"}},
                 {"type":"document","source":{"type":"base64","media_type":"application/pdf","data":"JVBE"}}]}]}""");

        assertThat(MessagesTokenCounter.estimate(request))
                .isEqualTo(3 + 4 + MessagesTokenCounter.IMAGE_TOKENS + PromptTokens.count("plain words"));
    }

    @Test
    void claudeCodesRequestCountsInTheThousands() {
        int tokens = MessagesTokenCounter.estimate(count(MessagesBodies.resource("claude-code-request.json")));

        assertThat(tokens).isBetween(800, 3_000);
    }

    private static MessagesRequest count(String json) {
        MessagesRequest request = MessagesBodies.parse(json);
        MessagesRequestValidator.validateCount(request);
        return request;
    }
}
