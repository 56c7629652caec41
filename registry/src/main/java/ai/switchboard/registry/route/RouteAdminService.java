package ai.switchboard.registry.route;

import ai.switchboard.registry.admin.FieldErrors;
import ai.switchboard.registry.admin.IdOrName;
import ai.switchboard.registry.admin.RegistryConflictException;
import ai.switchboard.registry.admin.RegistryNotFoundException;
import ai.switchboard.registry.model.ModelRepository;
import ai.switchboard.registry.snapshot.RegistryChangeRecorder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Creates, reads, changes and deletes routes. Blocking (JPA): call it on the {@code registryScheduler}. A route is
 * checked as a whole on every write: its policy is known, its configuration valid for that policy, every model or
 * route it names exists, and no route reaches itself. Changes are audited and live when the method returns.
 */
@Service
@Transactional
public class RouteAdminService {

    /** The entity type in audit rows and error messages. */
    public static final String ENTITY = "route";

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
    private final ModelRepository models;
    private final RoutePolicyInspector inspector;
    private final RegistryChangeRecorder changes;

    /**
     * The inspector comes from the application, which knows the routing policies; without one (a registry-only
     * context) no policy is known and every route write is rejected.
     */
    public RouteAdminService(RouteRepository routes, ModelRepository models,
            ObjectProvider<RoutePolicyInspector> inspector, RegistryChangeRecorder changes) {
        this.routes = routes;
        this.models = models;
        this.inspector = inspector.getIfAvailable(() -> NO_POLICIES);
        this.changes = changes;
    }

    public RouteView create(RouteCreateCommand command, String actor) {
        FieldErrors errors = new FieldErrors()
                .required("name", command.name()).name("name", command.name())
                .required("policy", command.policy());
        if (command.name() != null && models.existsByName(command.name())) {
            errors.add("name", "a model is already named '" + command.name() + "'");
        }
        Instant now = Instant.now();
        RouteEntity route = new RouteEntity(UUID.randomUUID(), command.name(), now);
        route.setDescription(command.description());
        route.setPolicy(command.policy());
        route.setConfig(toMap(command.config() == null ? JSON.createObjectNode() : command.config(), errors));
        route.setFallbacks(command.fallbacks() == null ? List.of() : command.fallbacks());
        route.setRequestTimeoutMs(command.requestTimeoutMs());
        route.setAttemptTimeoutMs(command.attemptTimeoutMs());
        route.setFirstTokenTimeoutMs(command.firstTokenTimeoutMs());
        route.setEnabled(command.enabled() == null || command.enabled());
        check(route, errors);
        if (routes.existsByName(command.name())) {
            throw duplicate(command.name());
        }
        save(route);
        changes.record(actor, "create", ENTITY, route.getId(), route.getName(), describe(route), now);
        return RouteView.of(route);
    }

    @Transactional(readOnly = true)
    public List<RouteView> list() {
        return routes.findAllByOrderByNameAsc().stream().map(RouteView::of).toList();
    }

    @Transactional(readOnly = true)
    public RouteView get(String idOrName) {
        return RouteView.of(find(idOrName));
    }

    public RouteView update(String idOrName, RouteUpdateCommand command, String actor) {
        RouteEntity route = find(idOrName);
        FieldErrors errors = new FieldErrors().name("name", command.name());
        String previousName = route.getName();
        if (command.name() != null && !command.name().equals(previousName)) {
            if (routes.existsByName(command.name())) {
                throw duplicate(command.name());
            }
            if (models.existsByName(command.name())) {
                errors.add("name", "a model is already named '" + command.name() + "'");
            }
            if (!referrers(previousName).isEmpty()) {
                throw new RegistryConflictException("Route '" + previousName + "' is used by routes "
                        + referrers(previousName) + "; rename it there first");
            }
            route.setName(command.name());
        }
        if (command.policy() != null && command.config() == null && !command.policy().equals(route.getPolicy())) {
            errors.add("config", "is required when the policy changes");
        }
        if (command.description() != null) {
            route.setDescription(command.description());
        }
        if (command.policy() != null) {
            route.setPolicy(command.policy());
        }
        if (command.config() != null) {
            route.setConfig(toMap(command.config(), errors));
        }
        if (command.fallbacks() != null) {
            route.setFallbacks(command.fallbacks());
        }
        if (command.requestTimeoutMs() != null) {
            route.setRequestTimeoutMs(command.requestTimeoutMs());
        }
        if (command.attemptTimeoutMs() != null) {
            route.setAttemptTimeoutMs(command.attemptTimeoutMs());
        }
        if (command.firstTokenTimeoutMs() != null) {
            route.setFirstTokenTimeoutMs(command.firstTokenTimeoutMs());
        }
        if (command.enabled() != null) {
            route.setEnabled(command.enabled());
        }
        check(route, errors);
        Instant now = Instant.now();
        route.touch(now);
        save(route);
        Map<String, Object> detail = describe(route);
        if (!previousName.equals(route.getName())) {
            detail.put("previous_name", previousName);
        }
        changes.record(actor, "update", ENTITY, route.getId(), route.getName(), detail, now);
        return RouteView.of(route);
    }

    public void delete(String idOrName, String actor) {
        RouteEntity route = find(idOrName);
        List<String> users = referrers(route.getName());
        if (!users.isEmpty()) {
            throw new RegistryConflictException("Route '" + route.getName() + "' is used by routes " + users);
        }
        routes.delete(route);
        routes.flush();
        changes.record(actor, "delete", ENTITY, route.getId(), route.getName(), Map.of(), Instant.now());
    }

    /** Validates the route as it would be stored, throwing every problem at once. */
    private void check(RouteEntity route, FieldErrors errors) {
        errors.notBlank("description", route.getDescription(), 512)
                .positive("request_timeout_ms", route.getRequestTimeoutMs())
                .positive("attempt_timeout_ms", route.getAttemptTimeoutMs())
                .positive("first_token_timeout_ms", route.getFirstTokenTimeoutMs());
        Set<String> targets = new LinkedHashSet<>();
        if (route.getPolicy() != null && !inspector.policies().contains(route.getPolicy())) {
            errors.add("policy", "unknown policy '" + route.getPolicy() + "'; expected one of "
                    + inspector.policies().stream().sorted().toList());
        } else if (route.getPolicy() != null) {
            targets.addAll(inspector.inspect(route.getPolicy(), JSON.valueToTree(route.getConfig()), errors));
        }
        List<String> fallbacks = route.getFallbacks();
        for (int i = 0; i < fallbacks.size(); i++) {
            if (fallbacks.get(i) == null || fallbacks.get(i).isBlank()) {
                errors.add("fallbacks[" + i + "]", "must be a model or route name");
            } else {
                targets.add(fallbacks.get(i));
            }
        }
        Map<String, Set<String>> edges = routeEdges(route);
        Set<String> knownModels = new HashSet<>();
        for (var model : models.findByNameIn(targets)) {
            knownModels.add(model.getName());
        }
        for (String target : targets) {
            if (target.equals(route.getName())) {
                errors.add("config", "route '" + target + "' cannot target itself");
            } else if (!knownModels.contains(target) && !edges.containsKey(target)) {
                errors.add("config", "no model or route named '" + target + "'");
            }
        }
        errors.throwIfAny();
        List<String> cycle = route.getName() == null ? null : RouteGraph.cycleThrough(route.getName(), edges);
        if (cycle != null && cycle.size() > 2) {
            throw new ai.switchboard.registry.admin.RegistryValidationException("config",
                    "routes would form a cycle: " + String.join(" -> ", cycle));
        }
    }

    /** Every route's route-or-model targets, with this route's stored edges replaced by its new ones. */
    private Map<String, Set<String>> routeEdges(RouteEntity changed) {
        Map<String, Set<String>> edges = new HashMap<>();
        for (RouteEntity route : routes.findAll()) {
            if (!route.getId().equals(changed.getId())) {
                edges.put(route.getName(), targetsOf(route));
            }
        }
        if (changed.getName() != null) {
            edges.put(changed.getName(), targetsOf(changed));
        }
        return edges;
    }

    private Set<String> targetsOf(RouteEntity route) {
        Set<String> targets = new LinkedHashSet<>(route.getFallbacks());
        if (inspector.policies().contains(route.getPolicy())) {
            targets.addAll(inspector.inspect(route.getPolicy(), JSON.valueToTree(route.getConfig()),
                    new FieldErrors()));
        }
        return targets;
    }

    private List<String> referrers(String name) {
        List<String> users = new ArrayList<>();
        for (RouteEntity route : routes.findAll()) {
            if (!route.getName().equals(name) && targetsOf(route).contains(name)) {
                users.add(route.getName());
            }
        }
        return users;
    }

    private RouteEntity find(String idOrName) {
        UUID id = IdOrName.asUuid(idOrName);
        return (id != null ? routes.findById(id) : routes.findByName(idOrName))
                .orElseThrow(() -> new RegistryNotFoundException(ENTITY, idOrName));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> toMap(JsonNode config, FieldErrors errors) {
        if (!(config instanceof ObjectNode)) {
            errors.add("config", "must be a JSON object");
            return Map.of();
        }
        return JSON.convertValue(config, LinkedHashMap.class);
    }

    private void save(RouteEntity route) {
        try {
            routes.saveAndFlush(route);
        } catch (DataIntegrityViolationException e) {
            throw duplicate(route.getName());
        }
    }

    private static RegistryConflictException duplicate(String name) {
        return new RegistryConflictException("A route named '" + name + "' already exists");
    }

    private static Map<String, Object> describe(RouteEntity r) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("policy", r.getPolicy());
        detail.put("config", r.getConfig());
        detail.put("fallbacks", r.getFallbacks());
        detail.put("request_timeout_ms", r.getRequestTimeoutMs());
        detail.put("attempt_timeout_ms", r.getAttemptTimeoutMs());
        detail.put("first_token_timeout_ms", r.getFirstTokenTimeoutMs());
        detail.put("enabled", r.isEnabled());
        return detail;
    }
}
