package ai.switchboard.gateway.api.feedback;

import ai.switchboard.gateway.api.error.ApiException;
import ai.switchboard.observability.feedback.Feedback;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.Map;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** The body of {@code POST /v1/feedback}. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record FeedbackRequest(String requestId, Double score, String label, String comment,
        @JsonAnySetter @JsonIgnore Map<String, JsonNode> extra) {

    static final int MAX_REQUEST_ID = 128;
    static final int MAX_LABEL = 64;
    static final int MAX_COMMENT = 2000;
    /** Scores are the application's scale (1-5, 0-1, -1/+1, ...); only absurd magnitudes are refused. */
    static final double MAX_SCORE = 1_000_000;
    /** Labels are grouped on: short tokens, not free text (that is what the comment is for). */
    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:-]*");

    /** The feedback, or a 400 naming the first parameter that is wrong. */
    Feedback validated() {
        if (extra != null && !extra.isEmpty()) {
            String field = extra.keySet().iterator().next();
            throw ApiException.invalidRequest("Unrecognized request argument supplied: " + ApiException.echo(field)
                    + ".", ApiException.echo(field));
        }
        if (requestId == null || requestId.isBlank()) {
            throw ApiException.invalidRequest("'request_id' is required: the x-request-id of the answer.",
                    "request_id");
        }
        if (requestId.length() > MAX_REQUEST_ID) {
            throw ApiException.invalidRequest("'request_id' is longer than " + MAX_REQUEST_ID + " characters.",
                    "request_id");
        }
        if (score == null && label == null) {
            throw ApiException.invalidRequest("Give a 'score', a 'label', or both.", "score");
        }
        if (score != null && Math.abs(score) > MAX_SCORE) {
            throw ApiException.invalidRequest("'score' must be between -" + (long) MAX_SCORE + " and "
                    + (long) MAX_SCORE + ".", "score");
        }
        if (label != null && (label.length() > MAX_LABEL || !LABEL.matcher(label).matches())) {
            throw ApiException.invalidRequest("'label' must be 1 to " + MAX_LABEL + " letters, digits or _.:- "
                    + "(a category such as 'good' or 'wrong_format'; free text goes in 'comment').", "label");
        }
        if (comment != null && comment.length() > MAX_COMMENT) {
            throw ApiException.invalidRequest("'comment' is longer than " + MAX_COMMENT + " characters.", "comment");
        }
        return new Feedback(requestId, score, label, comment);
    }
}
