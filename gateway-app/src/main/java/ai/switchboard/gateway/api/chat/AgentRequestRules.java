package ai.switchboard.gateway.api.chat;

import ai.switchboard.gateway.api.error.ApiException;
import ai.switchboard.providers.api.ChatRequest;

/**
 * What a chat request to an agent ({@code "model": "agent:<name>"}) may not carry: the agent runs its own granted
 * tools, so a client's tools, tool choice and parallel-call setting are refused, not silently dropped; an agent gives
 * one choice (as JSON, or streamed with its steps as progress events). Checked before the pipeline runs, on
 * the name alone, so it says nothing of whether the agent exists.
 */
final class AgentRequestRules {

    private AgentRequestRules() {
    }

    static void check(ChatRequest request) {
        if (request.tools() != null) {
            throw refused("tools", "An agent runs its own tools; remove 'tools' from the request.");
        }
        if (request.toolChoice() != null) {
            throw refused("tool_choice", "An agent chooses its own tools; remove 'tool_choice' from the request.");
        }
        if (request.parallelToolCalls() != null) {
            throw refused("parallel_tool_calls", "An agent's definition says whether its tool calls run in parallel; "
                    + "remove 'parallel_tool_calls' from the request.");
        }
        if (request.n() != null && request.n() != 1) {
            throw refused("n", "An agent gives one answer; send 'n': 1 or leave it out.");
        }
    }

    private static ApiException refused(String param, String message) {
        return new ApiException(400, "invalid_request_error", message, param, "unsupported_for_agents");
    }
}
