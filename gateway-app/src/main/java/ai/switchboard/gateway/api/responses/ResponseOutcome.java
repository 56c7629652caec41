package ai.switchboard.gateway.api.responses;

import ai.switchboard.gateway.api.responses.wire.IncompleteDetails;
import ai.switchboard.gateway.api.responses.wire.ResponseObject;

/**
 * How a response ended, from the canonical finish reason: {@code length} is {@code incomplete} for
 * {@code max_output_tokens}, {@code content_filter} is {@code incomplete} for {@code content_filter}, anything else
 * (including no reason at all) is {@code completed}.
 */
record ResponseOutcome(String status, IncompleteDetails incompleteDetails) {

    private static final ResponseOutcome COMPLETED = new ResponseOutcome(ResponseObject.COMPLETED, null);

    static ResponseOutcome of(String finishReason) {
        if ("length".equals(finishReason)) {
            return new ResponseOutcome(ResponseObject.INCOMPLETE, IncompleteDetails.MAX_OUTPUT_TOKENS);
        }
        if ("content_filter".equals(finishReason)) {
            return new ResponseOutcome(ResponseObject.INCOMPLETE, IncompleteDetails.CONTENT_FILTER);
        }
        return COMPLETED;
    }
}
