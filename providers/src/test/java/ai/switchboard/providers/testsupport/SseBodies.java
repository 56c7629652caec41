package ai.switchboard.providers.testsupport;

import java.util.List;

/** Builds server-sent event bodies as upstream providers write them, for stubbing streams. */
public final class SseBodies {

    private SseBodies() {
    }

    /** An OpenAI stream: one {@code data:} event per JSON chunk, then {@code data: [DONE]}. */
    public static String openAiStream(List<String> jsonChunks) {
        return openAiStreamWithoutDone(jsonChunks) + "data: [DONE]\n\n";
    }

    /** The same stream cut off before its {@code [DONE]} marker, as a dropped connection leaves it. */
    public static String openAiStreamWithoutDone(List<String> jsonChunks) {
        StringBuilder body = new StringBuilder();
        for (String chunk : jsonChunks) {
            body.append("data: ").append(chunk).append("\n\n");
        }
        return body.toString();
    }

    /** Named events ({@code event:} + {@code data:}), as Anthropic writes them; pairs of name and JSON. */
    public static String namedEvents(List<String> namesAndData) {
        if (namesAndData.size() % 2 != 0) {
            throw new IllegalArgumentException("expected pairs of event name and data");
        }
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < namesAndData.size(); i += 2) {
            body.append("event: ").append(namesAndData.get(i)).append('\n')
                    .append("data: ").append(namesAndData.get(i + 1)).append("\n\n");
        }
        return body.toString();
    }
}
