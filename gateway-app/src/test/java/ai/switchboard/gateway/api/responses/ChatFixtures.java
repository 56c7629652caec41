package ai.switchboard.gateway.api.responses;

import ai.switchboard.gateway.api.responses.wire.ResponseObject;
import ai.switchboard.gateway.api.responses.wire.ResponsesRequest;
import ai.switchboard.providers.api.ChatChunk;
import ai.switchboard.providers.api.ChatResponse;
import ai.switchboard.providers.json.WireJson;

/** Canonical answers as adapters produce them, written as OpenAI chat JSON. */
final class ChatFixtures {

    private ChatFixtures() {
    }

    static ChatResponse response(String json) {
        return WireJson.mapper().readValue(json, ChatResponse.class);
    }

    static ChatChunk chunk(String json) {
        return WireJson.mapper().readValue("{\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"created\":1,"
                + "\"model\":\"m\"," + json + "}", ChatChunk.class);
    }

    static ChatChunk text(String delta) {
        return chunk("\"choices\":[{\"index\":0,\"delta\":{\"content\":" + WireJson.mapper().writeValueAsString(delta)
                + "},\"finish_reason\":null}]");
    }

    static ChatChunk role() {
        return chunk("\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"},"
                + "\"finish_reason\":null}]");
    }

    static ChatChunk finish(String reason) {
        return chunk("\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"" + reason + "\"}]");
    }

    static ChatChunk usage(int prompt, int completion, int cached, int reasoning) {
        return chunk("\"choices\":[],\"usage\":{\"prompt_tokens\":" + prompt + ",\"completion_tokens\":" + completion
                + ",\"total_tokens\":" + (prompt + completion) + ",\"prompt_tokens_details\":{\"cached_tokens\":"
                + cached + "},\"completion_tokens_details\":{\"reasoning_tokens\":" + reasoning + "}}");
    }

    /** The skeleton of a request with tools in a namespace, as the handler builds it. */
    static ResponseObject skeleton(String requestJson) {
        ResponsesRequest request = ResponsesJson.request(requestJson);
        return ResponseSkeleton.of(request, "resp_test", 1_700_000_000L);
    }
}
