package ai.switchboard.gateway.api.responses;

import static org.assertj.core.api.Assertions.assertThat;

import ai.switchboard.gateway.api.responses.wire.ResponseItems;
import ai.switchboard.gateway.api.responses.wire.ResponsesRequest;
import ai.switchboard.providers.api.ErrorType;
import ai.switchboard.providers.api.ProviderException;
import ai.switchboard.providers.json.WireJson;
import java.util.List;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;
import tools.jackson.databind.node.ObjectNode;

class NativeResponsesTests {

    @Test
    void theBodyIsTheClientsRequestWithTheUpstreamModelTheWholeConversationAndNoUpstreamStorage() {
        ResponsesRequest request = ResponsesJson.request(ResponsesRequestTranslatorTests.CODEX_REQUEST
                .replace("\"store\":false,", "\"store\":true,\"previous_response_id\":\"resp_prev\","));

        ObjectNode body = NativeResponses.body(request, "gpt-5-codex-2025-09-15", ResponseItems.readInput(
                WireJson.mapper().readTree("[{\"type\":\"message\",\"id\":\"msg_0\",\"role\":\"user\","
                        + "\"content\":[{\"type\":\"input_text\",\"text\":\"earlier\"}]}]")));

        assertThat(body.path("model").asString()).isEqualTo("gpt-5-codex-2025-09-15");
        assertThat(body.has("previous_response_id")).isFalse();
        assertThat(body.path("store").asBoolean()).isFalse();
        assertThat(body.path("input").get(0).path("id").asString()).isEqualTo("msg_0");
        assertThat(body.path("input")).hasSize(8);
        assertThat(body.path("input").get(1).path("role").asString()).isEqualTo("developer");
        assertThat(body.path("tools")).isEqualTo(request.tools());
        assertThat(body.path("client_metadata").path("x-codex-turn").asString()).isEqualTo("1");
        assertThat(body.path("include").get(0).asString()).isEqualTo("reasoning.encrypted_content");
    }

    @Test
    void openingEventsWaitForContentAndAFailureAfterItEndsWithANumberedResponseFailed() {
        Flux<ObjectNode> upstream = Flux.just(event("response.created", 0), event("response.in_progress", 1),
                        event("response.output_text.delta", 2))
                .concatWith(Flux.error(ProviderException.of(ErrorType.STREAM_INTERRUPTED, "cut off")));

        List<ObjectNode> events = NativeResponses.stream(upstream, failure -> ResponsesErrors.of(failure, 1024))
                .collectList().block();

        assertThat(events).extracting(ResponsesEventWriter::typeOf).containsExactly("response.created",
                "response.in_progress", "response.output_text.delta", "response.failed");
        ObjectNode failed = events.getLast();
        assertThat(failed.path("sequence_number").asInt()).isEqualTo(3);
        assertThat(failed.path("response").path("status").asString()).isEqualTo("failed");
        assertThat(failed.path("response").path("id").asString()).isEqualTo("resp_up");
        assertThat(failed.path("response").path("error").path("code").asString()).isEqualTo("server_error");
        ResponsesJson.sdkEvent(failed);
    }

    @Test
    void anUpstreamFailureBeforeContentPropagatesSoAnotherCandidateCanAnswer() {
        ObjectNode failed = event("response.failed", 2);
        failed.withObject("response").put("status", "failed").withObject("error").put("code", "server_error")
                .put("message", "overloaded");
        StepVerifier.create(NativeResponses.stream(Flux.just(event("response.created", 0),
                        event("response.in_progress", 1), failed), failure -> ResponsesErrors.of(failure, 1024)))
                .expectErrorSatisfies(error -> assertThat(error.getMessage()).contains("overloaded"))
                .verify();
    }

    private static ObjectNode event(String type, int sequence) {
        ObjectNode event = WireJson.mapper().createObjectNode().put("type", type).put("sequence_number", sequence);
        if (type.startsWith("response.") && !type.contains("delta")) {
            event.set("response", ResponsesJson.tree(ChatFixtures.skeleton("{\"model\":\"m\",\"input\":\"x\"}")
                    .with("in_progress", List.of(), null, null, null)));
            event.withObject("response").put("id", "resp_up");
        } else {
            event.put("item_id", "msg_1").put("output_index", 0).put("content_index", 0).put("delta", "Hi")
                    .set("logprobs", WireJson.mapper().createArrayNode());
        }
        return event;
    }
}
