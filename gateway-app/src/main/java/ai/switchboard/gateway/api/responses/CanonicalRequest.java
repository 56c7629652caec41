package ai.switchboard.gateway.api.responses;

import ai.switchboard.providers.api.ChatRequest;
import java.util.List;
import org.springframework.http.HttpHeaders;

/**
 * A Responses request translated to the canonical chat request, with what the translation could not carry: hosted
 * tools the target cannot run (left out of the request, as refusing them would fail every turn of a client such as
 * Codex) and fields with no canonical equivalent. Both are reported to the client in response headers, never
 * silently.
 *
 * @param chat the request for the routing engine
 * @param toolNames maps the flattened names of namespaced functions back
 * @param droppedTools the types of the tools left out, in request order, without repeats
 * @param ignoredFields the request fields that had no effect, e.g. {@code reasoning.summary}
 */
public record CanonicalRequest(ChatRequest chat, ToolNames toolNames, List<String> droppedTools,
        List<String> ignoredFields) {

    /** Names the hosted tools left out of the upstream request, comma-separated. */
    public static final String DROPPED_TOOLS_HEADER = "x-switchboard-dropped-tools";
    /** Names the request fields that had no effect on the upstream request, comma-separated. */
    public static final String IGNORED_FIELDS_HEADER = "x-switchboard-ignored-fields";

    public CanonicalRequest {
        droppedTools = List.copyOf(droppedTools);
        ignoredFields = List.copyOf(ignoredFields);
    }

    /** Adds the two report headers when there is something to report. */
    public void describe(HttpHeaders headers) {
        if (!droppedTools.isEmpty()) {
            headers.set(DROPPED_TOOLS_HEADER, String.join(",", droppedTools));
        }
        if (!ignoredFields.isEmpty()) {
            headers.set(IGNORED_FIELDS_HEADER, String.join(",", ignoredFields));
        }
    }
}
