package ai.switchboard.gateway.api.responses.wire;

/** Why a response is {@code incomplete}: {@code max_output_tokens} or {@code content_filter}. */
public record IncompleteDetails(String reason) {

    public static final IncompleteDetails MAX_OUTPUT_TOKENS = new IncompleteDetails("max_output_tokens");
    public static final IncompleteDetails CONTENT_FILTER = new IncompleteDetails("content_filter");
}
