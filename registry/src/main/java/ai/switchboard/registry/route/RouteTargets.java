package ai.switchboard.registry.route;

import ai.switchboard.registry.PromptReference;
import ai.switchboard.registry.admin.FieldErrors;
import ai.switchboard.registry.prompt.PromptReferenceCheck;
import ai.switchboard.registry.prompt.PromptUsers;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Which models and routes each route names, through its policy's configuration and its fallbacks; so that a model or
 * route still in use is neither deleted nor renamed from under the routes that name it.
 */
@Component
public class RouteTargets implements PromptUsers {

    private static final JsonMapper JSON = JsonMapper.shared();

    private static final RoutePolicyInspector NO_POLICIES = new RoutePolicyInspector() {
        @Override
        public Set<String> policies() {
            return Set.of();
        }

        @Override
        public Set<String> inspect(String policy, JsonNode config, FieldErrors errors) {
            return Set.of();
        }
    };

    private final RouteRepository routes;
    private final RoutePolicyInspector inspector;
    private final PromptReferenceCheck promptCheck;

    /**
     * The inspector comes from the application, which knows the routing policies; without one (a registry-only
     * context) no policy is known and every route write is rejected.
     */
    public RouteTargets(RouteRepository routes, ObjectProvider<RoutePolicyInspector> inspector,
            PromptReferenceCheck promptCheck) {
        this.routes = routes;
        this.promptCheck = promptCheck;
        this.inspector = inspector.getIfAvailable(() -> NO_POLICIES);
    }

    RoutePolicyInspector inspector() {
        return inspector;
    }

    /** Every prompt template a route's policy configuration names must resolve. */
    void checkPrompts(String policy, JsonNode config, FieldErrors errors) {
        for (PromptReference reference : inspector.prompts(policy, config)) {
            promptCheck.check(errors, "config", reference);
        }
    }

    @Override
    public List<Reference> referencesTo(String prompt) {
        List<Reference> users = new ArrayList<>();
        for (RouteEntity route : routes.findAllByOrderByNameAsc()) {
            JsonNode config = JSON.valueToTree(route.getConfig());
            for (PromptReference reference : inspector.prompts(route.getPolicy(), config)) {
                if (reference.prompt().equals(prompt)) {
                    users.add(new Reference("route '" + route.getName() + "'", reference));
                }
            }
        }
        return users;
    }

    /** The names of the routes other than {@code name} itself that target {@code name}, sorted. */
    public List<String> routesTargeting(String name) {
        List<String> users = new ArrayList<>();
        for (RouteEntity route : routes.findAllByOrderByNameAsc()) {
            if (!route.getName().equals(name) && targetsOf(route).contains(name)) {
                users.add(route.getName());
            }
        }
        return users;
    }

    /** The models and routes {@code route} names; a stored route with an unknown policy names its fallbacks only. */
    Set<String> targetsOf(RouteEntity route) {
        Set<String> targets = new LinkedHashSet<>(route.getFallbacks());
        if (route.getPolicy() != null && inspector.policies().contains(route.getPolicy())) {
            targets.addAll(inspector.inspect(route.getPolicy(), JSON.valueToTree(route.getConfig()),
                    new FieldErrors()));
        }
        return targets;
    }
}
