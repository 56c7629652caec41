package ai.switchboard.gateway.agent;

import ai.switchboard.gateway.api.error.ApiException;
import ai.switchboard.observability.usage.PromptUsage;
import ai.switchboard.providers.api.ChatMessage;
import ai.switchboard.providers.api.ChatRequest;
import ai.switchboard.registry.AgentConfig;
import ai.switchboard.registry.PromptConfig;
import ai.switchboard.registry.PromptReference;
import ai.switchboard.registry.RegistrySnapshot;
import ai.switchboard.registry.prompt.PromptRenderException;
import ai.switchboard.routing.RoutingTrace;
import java.util.List;
import java.util.Map;

/**
 * An agent's instructions when they come from a prompt template: the version its label (or number) names in the
 * snapshot the request was served from, rendered with {@code {{agent}}} and {@code {{input}}} (the text of the
 * client's last user message). The version used goes into the trace, so the ledger and the span record it.
 */
final class PromptedInstructions {

    private PromptedInstructions() {
    }

    static AgentConfig resolve(AgentConfig agent, RegistrySnapshot snapshot, ChatRequest client, RoutingTrace trace) {
        PromptReference reference = agent.instructionsPrompt();
        if (reference == null) {
            return agent;
        }
        PromptConfig prompt = snapshot.prompt(reference.prompt());
        Integer version = prompt == null ? null : prompt.resolve(reference);
        if (version == null) {
            // Admin writes refuse removing what an agent names; this is a replica between two snapshots.
            throw new ApiException(503, "api_error", "Agent '" + agent.name() + "' names prompt " + reference
                    + ", which this replica does not have yet; retry.", "model", "prompt_unavailable");
        }
        String text;
        try {
            text = prompt.versions().get(version).render(Map.of("agent", agent.name(), "input", lastUserText(client)))
                    .asText();
        } catch (PromptRenderException e) {
            throw new ApiException(400, "invalid_request_error", "Agent '" + agent.name() + "': prompt "
                    + reference.prompt() + " version " + version + " cannot be rendered: " + e.getMessage(),
                    "messages", "prompt_render_failed");
        }
        trace.prompt(new PromptUsage(prompt.name(), version));
        return agent.withInstructions(text);
    }

    private static String lastUserText(ChatRequest client) {
        List<ChatMessage> messages = client.messages();
        for (int i = messages.size() - 1; i >= 0; i--) {
            if ("user".equals(messages.get(i).role())) {
                String text = messages.get(i).text();
                return text == null ? "" : text;
            }
        }
        return "";
    }
}
