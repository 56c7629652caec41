package ai.switchboard.providers.azure;

import ai.switchboard.providers.json.WireJson;
import tools.jackson.databind.node.ObjectNode;

/** Azure-only JSON, shaped like the content-filter documentation's examples (crib sheet section 4). */
final class AzureBodies {

    static final String CONTENT_FILTER_RESULTS = """
            {"hate":{"filtered":false,"severity":"safe"},"self_harm":{"filtered":false,"severity":"safe"},\
            "sexual":{"filtered":false,"severity":"safe"},"violence":{"filtered":false,"severity":"safe"}}""";

    static final String PROMPT_FILTER_RESULTS = "[{\"prompt_index\":0,\"content_filter_results\":"
            + CONTENT_FILTER_RESULTS + "}]";

    private AzureBodies() {
    }

    /** The first chunk of an Azure stream: no choices, the prompt's filter results, empty id and model. */
    static String promptFilterChunk() {
        return "{\"choices\":[],\"created\":0,\"id\":\"\",\"model\":\"\",\"object\":\"\",\"prompt_filter_results\":"
                + PROMPT_FILTER_RESULTS + "}";
    }

    /** An asynchronous-filter annotation: a choice with no delta text, only filter results and offsets. */
    static String annotationChunk(String model) {
        return "{\"choices\":[{\"index\":0,\"finish_reason\":null,\"delta\":{},\"content_filter_results\":"
                + CONTENT_FILTER_RESULTS + ",\"content_filter_offsets\":{\"check_offset\":0,\"start_offset\":0,"
                + "\"end_offset\":12}}],\"created\":1700000000,\"id\":\"chatcmpl-resp-kit-1\",\"model\":\"" + model
                + "\",\"object\":\"chat.completion.chunk\"}";
    }

    /** Azure's error envelope: OpenAI's, with a string {@code code} such as {@code "429"}. */
    static String error(String code, String message) {
        ObjectNode body = WireJson.mapper().createObjectNode();
        body.putObject("error").put("code", code).put("message", message);
        return body.toString();
    }
}
