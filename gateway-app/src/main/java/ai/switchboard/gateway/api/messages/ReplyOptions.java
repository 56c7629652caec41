package ai.switchboard.gateway.api.messages;

import java.util.List;

/**
 * What the answer's translation needs to know about the request.
 *
 * @param stopSequences the request's {@code stop_sequences}, to tell a stop sequence from a natural end
 * @param thinkingShown whether reasoning text may be shown ({@code thinking.display} is not {@code omitted})
 */
public record ReplyOptions(List<String> stopSequences, boolean thinkingShown) {

    public ReplyOptions {
        stopSequences = stopSequences == null ? List.of() : List.copyOf(stopSequences);
    }

    /** The options of a request. */
    public static ReplyOptions of(MessagesRequest request) {
        boolean omitted = request.thinking() != null && "omitted".equals(request.thinking().path("display")
                .asString(null));
        return new ReplyOptions(request.stopSequences(), !omitted);
    }
}
