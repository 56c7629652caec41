package ai.switchboard.gateway.it;

import static ai.switchboard.gateway.it.ResponsesSdk.client;
import static ai.switchboard.gateway.it.ResponsesSdk.text;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.openai.core.http.StreamResponse;
import com.openai.models.responses.Response;
import com.openai.models.responses.ResponseCreateParams;
import com.openai.models.responses.ResponseStreamEvent;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code /v1/responses} to a model whose provider speaks the Responses API (OpenAI itself; Azure likewise): the
 * client's request passes through with the model id rewritten and nothing stored upstream, the conversation is the
 * gateway's (continued from its store, sent whole), the answer and stream come back under the gateway's id, and a
 * stream that fails before its content is an HTTP error, not a broken stream.
 */
class ResponsesNativeIT extends GatewayIT {

    @Test
    void anOpenAiModelGetsTheRequestNativelyWithItsIdRewrittenAndNothingStoredUpstream() {
        ResponsesSdk.Gateway gateway = registerNative();
        UPSTREAM.stubFor(post(urlEqualTo("/" + gateway.prefix() + "/v1/responses")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody(nativeResponse("resp_up_1", "Native hi"))));

        Response response = gateway.client().responses().create(ResponseCreateParams.builder()
                .model(gateway.model()).input("Hi").addTool(com.openai.models.responses.WebSearchTool.builder()
                        .type(com.openai.models.responses.WebSearchTool.Type.WEB_SEARCH).build()).build());

        assertThat(text(response)).isEqualTo("Native hi");
        assertThat(response.id()).as("the gateway's id, not the upstream's").startsWith("resp_").isNotEqualTo("resp_up_1");
        JsonNode sent = sentBody(gateway.prefix(), 0);
        assertThat(sent.path("model").asString()).isEqualTo("gpt-4o-mini");
        assertThat(sent.path("store").asBoolean(true)).isFalse();
        assertThat(sent.path("tools").get(0).path("type").asString()).as("hosted tools pass through")
                .isEqualTo("web_search");
        assertThat(text(gateway.client().responses().retrieve(response.id()))).as("stored by the gateway")
                .isEqualTo("Native hi");
    }

    @Test
    void aNativeConversationIsContinuedFromTheGatewaysStoreAndSentWhole() {
        ResponsesSdk.Gateway gateway = registerNative();
        UPSTREAM.stubFor(post(urlEqualTo("/" + gateway.prefix() + "/v1/responses")).inScenario(gateway.prefix())
                .whenScenarioStateIs(STARTED).willSetStateTo("second").willReturn(aResponse()
                        .withHeader("Content-Type", "application/json").withBody(nativeResponse("resp_up_a", "First"))));
        UPSTREAM.stubFor(post(urlEqualTo("/" + gateway.prefix() + "/v1/responses")).inScenario(gateway.prefix())
                .whenScenarioStateIs("second").willReturn(aResponse()
                        .withHeader("Content-Type", "application/json").withBody(nativeResponse("resp_up_b", "Second"))));

        Response first = gateway.client().responses().create(ResponseCreateParams.builder()
                .model(gateway.model()).input("One").build());
        Response second = gateway.client().responses().create(ResponseCreateParams.builder()
                .model(gateway.model()).previousResponseId(first.id()).input("Two").build());

        assertThat(text(second)).isEqualTo("Second");
        assertThat(second.previousResponseId()).hasValue(first.id());
        JsonNode sent = sentBody(gateway.prefix(), 1);
        assertThat(sent.has("previous_response_id")).isFalse();
        assertThat(sent.path("input").toString()).contains("One").contains("First").contains("Two");
    }

    @Test
    void aNativeStreamPassesThroughAndOneThatFailsBeforeContentIsAnHttpError() {
        ResponsesSdk.Gateway gateway = registerNative();
        UPSTREAM.stubFor(post(urlEqualTo("/" + gateway.prefix() + "/v1/responses")).willReturn(aResponse()
                .withHeader("Content-Type", "text/event-stream").withBody(nativeStream("resp_up_s", "Hel", "lo"))));

        List<ResponseStreamEvent> events;
        try (StreamResponse<ResponseStreamEvent> stream = gateway.client().responses().createStreaming(
                ResponseCreateParams.builder().model(gateway.model()).input("Hi").build())) {
            events = stream.stream().toList();
        }

        assertThat(events.stream().filter(ResponseStreamEvent::isOutputTextDelta)
                .map(event -> event.asOutputTextDelta().delta()).collect(Collectors.joining())).isEqualTo("Hello");
        assertThat(events.getLast().isCompleted()).isTrue();
        String id = events.getLast().asCompleted().response().id();
        assertThat(events.getFirst().asCreated().response().id()).isEqualTo(id).isNotEqualTo("resp_up_s");
        assertThat(text(gateway.client().responses().retrieve(id))).isEqualTo("Hello");

        UPSTREAM.stubFor(post(urlEqualTo("/" + gateway.prefix() + "/v1/responses")).willReturn(aResponse()
                .withHeader("Content-Type", "text/event-stream").withBody(
                        "event: response.created\ndata: {\"type\":\"response.created\",\"sequence_number\":0,"
                                + "\"response\":{\"id\":\"resp_x\",\"status\":\"in_progress\",\"output\":[]}}\n\n"
                                + "event: response.failed\ndata: {\"type\":\"response.failed\",\"sequence_number\":1,"
                                + "\"response\":{\"id\":\"resp_x\",\"status\":\"failed\",\"output\":[],"
                                + "\"error\":{\"code\":\"server_error\",\"message\":\"boom\"}}}\n\n")));
        http.post().uri("/v1/responses").header("Authorization", "Bearer " + gateway.key())
                .header("Content-Type", "application/json")
                .bodyValue("{\"model\":\"" + gateway.model() + "\",\"input\":\"Hi\",\"stream\":true}").exchange()
                .expectStatus().is5xxServerError();
    }

    /** An OpenAI provider with no profile (OpenAI itself), which serves the Responses API. */
    private ResponsesSdk.Gateway registerNative() {
        String prefix = unique("resp-native");
        fixtures.provider(prefix + "-p", upstreamBase(prefix));
        fixtures.model(prefix + "-m", prefix + "-p", "gpt-4o-mini", "chat", "streaming", "tools");
        String key = fixtures.key(prefix + "-k", prefix + "-m");
        return new ResponsesSdk.Gateway(prefix, prefix + "-m", key, client(port, key));
    }

    private static JsonNode sentBody(String prefix, int index) {
        List<LoggedRequest> sent = UPSTREAM.findAll(anyRequestedFor(urlPathMatching("/" + prefix + "/.*")));
        return tools.jackson.databind.json.JsonMapper.builder().build().readTree(sent.get(index).getBodyAsString());
    }

    private static String nativeResponse(String id, String text) {
        return ("{\"id\":\"%s\",\"object\":\"response\",\"created_at\":1700000000,\"status\":\"completed\","
                + "\"model\":\"gpt-4o-mini\",\"output\":[{\"type\":\"message\",\"id\":\"msg_%s\","
                + "\"status\":\"completed\",\"role\":\"assistant\",\"content\":[{\"type\":\"output_text\","
                + "\"text\":\"%s\",\"annotations\":[]}]}],\"usage\":{\"input_tokens\":10,"
                + "\"input_tokens_details\":{\"cached_tokens\":2},\"output_tokens\":3,"
                + "\"output_tokens_details\":{\"reasoning_tokens\":0},\"total_tokens\":13},"
                + "\"parallel_tool_calls\":true,\"tool_choice\":\"auto\",\"tools\":[],\"temperature\":1.0,"
                + "\"top_p\":1.0,\"text\":{\"format\":{\"type\":\"text\"}},\"truncation\":\"disabled\","
                + "\"metadata\":{},\"error\":null,\"incomplete_details\":null,\"instructions\":null}")
                .formatted(id, id, text);
    }

    private static String nativeStream(String id, String... deltas) {
        String completed = nativeResponse(id, String.join("", deltas));
        String inProgress = completed.replace("\"status\":\"completed\",\"model\"", "\"status\":\"in_progress\",\"model\"");
        StringBuilder body = new StringBuilder();
        int[] sequence = {0};
        java.util.function.BiConsumer<String, String> event = (type, json) -> body.append("event: ").append(type)
                .append("\ndata: {\"type\":\"").append(type).append("\",\"sequence_number\":").append(sequence[0]++)
                .append(',').append(json).append("}\n\n");
        event.accept("response.created", "\"response\":" + inProgress);
        event.accept("response.in_progress", "\"response\":" + inProgress);
        event.accept("response.output_item.added", "\"output_index\":0,\"item\":{\"type\":\"message\","
                + "\"id\":\"msg_1\",\"status\":\"in_progress\",\"role\":\"assistant\",\"content\":[]}");
        for (String delta : deltas) {
            event.accept("response.output_text.delta", "\"item_id\":\"msg_1\",\"output_index\":0,"
                    + "\"content_index\":0,\"delta\":\"" + delta + "\",\"logprobs\":[]");
        }
        event.accept("response.completed", "\"response\":" + completed);
        return body.toString();
    }

}
