package ai.switchboard.providers.testsupport.kit;

import java.util.List;

/**
 * A tool call the stubbed upstream makes. {@code argumentFragments} is how a streaming upstream splits the
 * arguments; joined they are the exact JSON text the client must reassemble. Providers that do not stream
 * arguments in pieces may render {@link #arguments()} in one event.
 *
 * @param id the call id (providers without ids may ignore it; the adapter must then invent a non-blank one)
 * @param name the function name
 * @param argumentFragments the pieces of the compact JSON arguments, in order
 */
public record UpstreamToolCall(String id, String name, List<String> argumentFragments) {

    public UpstreamToolCall {
        argumentFragments = List.copyOf(argumentFragments);
    }

    /** The complete arguments, exactly as the client must reassemble them. */
    public String arguments() {
        return String.join("", argumentFragments);
    }
}
