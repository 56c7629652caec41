package ai.switchboard.gateway.api.chat;

import ai.switchboard.gateway.api.error.ApiException;
import ai.switchboard.providers.api.ChatRequest;

/**
 * The checks of a chat request to an agent, for the APIs that start runs outside {@code /v1/chat/completions}: the
 * chat request's own rules, and what an agent refuses. A stored run is read later, so it cannot stream.
 */
public final class AgentInputs {

    private AgentInputs() {
    }

    public static void check(ChatRequest request) {
        ChatRequestValidator.validate(request);
        AgentRequestRules.check(request);
        if (request.isStream()) {
            throw new ApiException(400, "invalid_request_error", "A stored run is read through its events; "
                    + "remove 'stream' from the request.", "stream", "unsupported_for_agents");
        }
    }
}
