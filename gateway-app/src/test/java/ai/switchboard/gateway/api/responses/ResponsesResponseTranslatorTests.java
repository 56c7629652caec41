package ai.switchboard.gateway.api.responses;

import static org.assertj.core.api.Assertions.assertThat;

import ai.switchboard.gateway.api.responses.wire.ResponseItems;
import ai.switchboard.gateway.api.responses.wire.ResponseObject;
import ai.switchboard.gateway.api.responses.wire.ResponsesRequest;
import com.openai.models.responses.Response;
import com.openai.models.responses.ResponseFunctionToolCall;
import com.openai.models.responses.ResponseOutputItem;
import com.openai.models.responses.ResponseStatus;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ResponsesResponseTranslatorTests {

    private static final String REQUEST = """
            {"model":"claude-sonnet","input":"weather?","instructions":"Be brief.","max_output_tokens":500,
             "metadata":{"team":"a"},"store":true,
             "tools":[{"type":"namespace","name":"geo","tools":[{"type":"function","name":"weather",
               "parameters":{"type":"object","properties":{"city":{"type":"string"}}}}]},{"type":"web_search"}]}
            """;

    @Test
    void toolCallAnswerBecomesMessageAndFunctionCallItemsTheSdkReads() {
        ResponsesRequest request = ResponsesJson.request(REQUEST);
        CanonicalRequest canonical = ResponsesRequestTranslator.translate(request,
                ResponseItems.readInput(request.input()));
        ResponseObject skeleton = ResponseSkeleton.of(request, "resp_1", 1_700_000_000L);

        ResponseObject response = ResponsesResponseTranslator.translate(skeleton, ChatFixtures.response("""
                {"id":"chatcmpl-1","object":"chat.completion","created":1,"model":"claude-sonnet",
                 "choices":[{"index":0,"finish_reason":"tool_calls","message":{"role":"assistant",
                   "content":"Checking.","tool_calls":[{"id":"toolu_1","type":"function",
                   "function":{"name":"geo__weather","arguments":"{\\"city\\":\\"Paris\\"}"}}]}}],
                 "usage":{"prompt_tokens":120,"completion_tokens":30,"total_tokens":150,
                   "prompt_tokens_details":{"cached_tokens":100},"completion_tokens_details":{"reasoning_tokens":12}}}
                """), canonical.toolNames());

        JsonNode json = ResponsesJson.tree(response);
        assertThat(json.path("id").asString()).isEqualTo("resp_1");
        assertThat(json.path("object").asString()).isEqualTo("response");
        assertThat(json.path("status").asString()).isEqualTo("completed");
        assertThat(json.path("output").get(0).path("content")).isEqualTo(ResponsesJson.tree(java.util.List.of(
                java.util.Map.of("type", "output_text", "text", "Checking.", "annotations", java.util.List.of(),
                        "logprobs", java.util.List.of()))));
        JsonNode call = json.path("output").get(1);
        assertThat(call.path("type").asString()).isEqualTo("function_call");
        assertThat(call.path("call_id").asString()).isEqualTo("toolu_1");
        assertThat(call.path("name").asString()).isEqualTo("weather");
        assertThat(call.path("namespace").asString()).isEqualTo("geo");
        assertThat(call.path("id").asString()).startsWith("fc_");
        assertThat(json.path("usage")).isEqualTo(ResponsesJson.tree(java.util.Map.of("input_tokens", 120,
                "input_tokens_details", java.util.Map.of("cached_tokens", 100, "cache_write_tokens", 0), "output_tokens", 30,
                "output_tokens_details", java.util.Map.of("reasoning_tokens", 12), "total_tokens", 150)));
        assertThat(json.path("tools")).isEqualTo(ai.switchboard.providers.json.WireJson.mapper().readTree("""
                [{"type":"namespace","name":"geo","tools":[{"type":"function","name":"weather",
                  "parameters":{"type":"object","properties":{"city":{"type":"string"}}}}],"description":""},
                 {"type":"web_search"}]"""));
        assertThat(json.path("instructions").asString()).isEqualTo("Be brief.");
        assertThat(json.path("metadata").path("team").asString()).isEqualTo("a");
        assertThat(json.has("error")).isTrue();
        assertThat(json.path("error").isNull()).isTrue();

        Response sdk = ResponsesJson.sdkResponse(response);
        assertThat(sdk.status()).contains(ResponseStatus.COMPLETED);
        assertThat(sdk.output().getFirst().asMessage().content().getFirst().asOutputText().text()).isEqualTo("Checking.");
        ResponseFunctionToolCall sdkCall = sdk.output().get(1).asFunctionCall();
        assertThat(sdkCall.callId()).isEqualTo("toolu_1");
        assertThat(sdkCall.namespace()).contains("geo");
        assertThat(sdk.usage().orElseThrow().inputTokensDetails().cachedTokens()).isEqualTo(100);
        assertThat(sdk.usage().orElseThrow().outputTokensDetails().reasoningTokens()).isEqualTo(12);
    }

    @Test
    void lengthAndContentFilterAreIncompleteWithTheirReason() {
        ResponseObject skeleton = ChatFixtures.skeleton("{\"model\":\"m\",\"input\":\"x\"}");
        for (String[] expected : new String[][] {{"length", "max_output_tokens"}, {"content_filter", "content_filter"}}) {
            ResponseObject response = ResponsesResponseTranslator.translate(skeleton, ChatFixtures.response("""
                    {"id":"c","object":"chat.completion","created":1,"model":"m","choices":[{"index":0,
                     "finish_reason":"%s","message":{"role":"assistant","content":"Part"}}]}
                    """.formatted(expected[0])), new ToolNames());

            Response sdk = ResponsesJson.sdkResponse(response);
            assertThat(sdk.status()).contains(ResponseStatus.INCOMPLETE);
            assertThat(sdk.incompleteDetails().orElseThrow().reason().orElseThrow().asString())
                    .isEqualTo(expected[1]);
            assertThat(sdk.output().getFirst().asMessage().status().asString()).isEqualTo("incomplete");
        }
    }

    @Test
    void reasoningTextAndRefusalHaveTheirOwnItemAndPart() {
        ResponseObject response = ResponsesResponseTranslator.translate(
                ChatFixtures.skeleton("{\"model\":\"m\",\"input\":\"x\"}"), ChatFixtures.response("""
                {"id":"c","object":"chat.completion","created":1,"model":"m","choices":[{"index":0,
                 "finish_reason":"stop","message":{"role":"assistant","content":null,"refusal":"I can't.",
                 "reasoning_content":"The user asks for something unsafe."}}]}
                """), new ToolNames());

        Response sdk = ResponsesJson.sdkResponse(response);
        ResponseOutputItem reasoning = sdk.output().get(0);
        assertThat(reasoning.asReasoning().content().orElseThrow().getFirst().text())
                .isEqualTo("The user asks for something unsafe.");
        assertThat(reasoning.asReasoning().summary()).isEmpty();
        assertThat(sdk.output().get(1).asMessage().content()).hasSize(1);
        assertThat(sdk.output().get(1).asMessage().content().getFirst().asRefusal().refusal()).isEqualTo("I can't.");
    }

    @Test
    void skeletonEchoesOpenAiDefaults() {
        Response sdk = ResponsesJson.sdkResponse(ChatFixtures.skeleton("{\"model\":\"m\",\"input\":\"x\"}"));

        assertThat(sdk.temperature()).contains(1.0);
        assertThat(sdk.topP()).contains(1.0);
        assertThat(sdk.parallelToolCalls()).isTrue();
        assertThat(sdk.toolChoice().isOptions()).isTrue();
        assertThat(sdk.tools()).isEmpty();
        assertThat(sdk.status()).contains(ResponseStatus.IN_PROGRESS);
    }
}
