package ai.switchboard.gateway.api.messages;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpHeaders;

/**
 * The headers of the Messages API: the protocol headers a client sends, which an Anthropic upstream gets passed
 * through, and the gateway's report of what it left out.
 */
public final class MessagesHeaders {

    /** The client's API version. */
    public static final String VERSION = "anthropic-version";

    /** The client's beta features, comma-separated, possibly over several header lines. */
    public static final String BETA = "anthropic-beta";

    /** Anthropic's own tools left out of a request to a provider that cannot run them, comma-separated. */
    public static final String DROPPED_TOOLS = "x-switchboard-dropped-tools";

    private MessagesHeaders() {
    }

    /** The client's {@code anthropic-version}, or {@code null}. */
    public static String version(HttpHeaders headers) {
        String version = headers.getFirst(VERSION);
        return version == null || version.isBlank() ? null : version.strip();
    }

    /**
     * The client's betas in order, each once. Unknown betas are kept, not refused: they are the upstream's to judge,
     * and other providers ignore them.
     */
    public static List<String> betas(HttpHeaders headers) {
        List<String> lines = headers.get(BETA);
        if (lines == null || lines.isEmpty()) {
            return List.of();
        }
        Set<String> betas = new LinkedHashSet<>();
        for (String line : lines) {
            for (String beta : line.split(",")) {
                if (!beta.isBlank()) {
                    betas.add(beta.strip());
                }
            }
        }
        return List.copyOf(betas);
    }
}
