package ai.switchboard.gateway.eval.dataset;

import tools.jackson.databind.JsonNode;

/**
 * One case of a dataset.
 *
 * @param seq its position, 1-based, in import order
 * @param label the name the JSONL line gave it, or {@code null}
 * @param input {@code {"messages": [...]}} as sent, plus the {@code variables} they were rendered from if any
 * @param expected the expectation its grader compares with, or {@code null}
 * @param grader its own grader spec, or {@code null} for the dataset's
 */
public record DatasetCase(int seq, String label, JsonNode input, JsonNode expected, JsonNode grader) {

    public JsonNode messages() {
        return input.get("messages");
    }
}
