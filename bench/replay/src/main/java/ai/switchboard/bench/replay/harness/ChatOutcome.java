package ai.switchboard.bench.replay.harness;

/**
 * What the gateway answered to one prompt.
 *
 * @param itemId the dataset item asked
 * @param status the HTTP status
 * @param servedModel {@code x-switchboard-model}: which model's answer came back, or {@code null} on failure
 * @param attempts {@code x-switchboard-attempts}
 * @param content the answer's content (from JSON or reassembled from the stream), or the error body
 * @param streamed whether the request was sent as a stream
 */
public record ChatOutcome(String itemId, int status, String servedModel, int attempts, String content,
        boolean streamed) {

    public boolean succeeded() {
        return status == 200 && servedModel != null;
    }
}
