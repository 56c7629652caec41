package ai.switchboard.providers.testsupport.kit;

import java.util.List;

/**
 * What the stubbed upstream answers, in provider-neutral terms. A fixture renders it as its provider's native JSON
 * body or as a native stream transcript in which each text piece and each argument fragment is its own event, in
 * this order: text pieces, then tool calls one after the other, then the finish, then usage.
 *
 * @param id the response id the fixture may use
 * @param textPieces the answer text, split as a stream would deliver it (empty for a tool-only answer)
 * @param toolCalls the tool calls, in order
 * @param finish why the answer ended
 * @param usage the token counts
 */
public record UpstreamReply(String id, List<String> textPieces, List<UpstreamToolCall> toolCalls,
        UpstreamFinish finish, UpstreamUsage usage) {

    public UpstreamReply {
        textPieces = List.copyOf(textPieces);
        toolCalls = List.copyOf(toolCalls);
    }

    /** A text answer. */
    public static UpstreamReply text(UpstreamFinish finish, UpstreamUsage usage, String... pieces) {
        return new UpstreamReply("resp-kit-1", List.of(pieces), List.of(), finish, usage);
    }

    /** A tool-calling answer, optionally preceded by text. */
    public static UpstreamReply tools(UpstreamUsage usage, List<String> textPieces, UpstreamToolCall... calls) {
        return new UpstreamReply("resp-kit-1", textPieces, List.of(calls), UpstreamFinish.TOOL_CALLS, usage);
    }

    /** The complete answer text. */
    public String text() {
        return String.join("", textPieces);
    }

    public boolean hasText() {
        return !textPieces.isEmpty();
    }
}
