package ai.switchboard.bench.replay.harness;

import ai.switchboard.bench.replay.record.JsonLines;
import tools.jackson.databind.JsonNode;

/** Reassembles a chat stream's content from its SSE body; a stream that does not end in {@code [DONE]} is broken. */
final class StreamedContent {

    private StreamedContent() {
    }

    /** The concatenated {@code delta.content}, or {@code null} when the stream broke or carried an error. */
    static String of(String body) {
        StringBuilder content = new StringBuilder();
        boolean done = false;
        for (String line : body.split("\n")) {
            if (!line.startsWith("data:")) {
                continue;
            }
            String data = line.substring(5).strip();
            if (data.equals("[DONE]")) {
                done = true;
                continue;
            }
            JsonNode event = JsonLines.MAPPER.readTree(data);
            if (event.has("error")) {
                return null;
            }
            for (JsonNode choice : event.path("choices")) {
                content.append(choice.path("delta").path("content").asString(""));
            }
        }
        return done ? content.toString() : null;
    }
}
