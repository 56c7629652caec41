package ai.switchboard.registry.route;

import ai.switchboard.registry.PromptReference;
import ai.switchboard.registry.admin.FieldErrors;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Knows the routing policies and their configuration. The policies live in the routing module, which depends on
 * the registry, so the registry asks through this interface when it validates a route.
 */
public interface RoutePolicyInspector {

    /** The policy names routes may use. */
    Set<String> policies();

    /**
     * Validates {@code config} for {@code policy}, adding problems under {@code config.*} to {@code errors}, and
     * returns every model or route name the configuration refers to (so the registry can check they exist and that
     * no cycle forms).
     */
    Set<String> inspect(String policy, JsonNode config, FieldErrors errors);

    /** The prompt templates {@code config} refers to (a pipeline's steps), so none is deleted while named. */
    default Set<PromptReference> prompts(String policy, JsonNode config) {
        return Set.of();
    }
}
