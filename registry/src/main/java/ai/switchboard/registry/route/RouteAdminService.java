package ai.switchboard.registry.route;

import ai.switchboard.registry.AgentConfig;
import ai.switchboard.registry.RouteConfig;
import ai.switchboard.registry.admin.ColumnLimits;
import ai.switchboard.registry.admin.DatabaseErrors;
import ai.switchboard.registry.admin.FieldErrors;
import ai.switchboard.registry.admin.IdOrName;
import ai.switchboard.registry.admin.RegistryConflictException;
import ai.switchboard.registry.admin.RegistryNotFoundException;
import ai.switchboard.registry.admin.RegistryValidationException;
import ai.switchboard.registry.agent.AgentReferences;
import ai.switchboard.registry.model.ModelRepository;
import ai.switchboard.registry.snapshot.RegistryChangeRecorder;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Creates, reads, changes and deletes routes. Blocking (JPA): call it on the {@code registryScheduler}. A route is
 * checked as a whole on every write: its policy is known, its configuration valid for that policy, every model or
 * route it names exists, and no route reaches itself. A route another route targets, or an agent plans with, can be
 * neither deleted nor renamed. Changes are audited and live when the method returns; a write that changes nothing
 * records and bumps nothing.
 */
@Service
@Transactional
public class RouteAdminService {

    /** The entity type in audit rows and error messages. */
    public static final String ENTITY = "route";

    /** The optional fields a PATCH may remove. */
    public static final Set<String> CLEARABLE = Set.of("description", "request_timeout_ms", "attempt_timeout_ms",
            "first_token_timeout_ms");

    private static final JsonMapper JSON = JsonMapper.shared();

    private final RouteRepository routes;
    private final ModelRepository models;
    private final RouteTargets targets;
    private final AgentReferences agents;
    private final RegistryChangeRecorder changes;

    public RouteAdminService(RouteRepository routes, ModelRepository models, RouteTargets targets,
            AgentReferences agents, RegistryChangeRecorder changes) {
        this.routes = routes;
        this.models = models;
        this.targets = targets;
        this.agents = agents;
        this.changes = changes;
    }

    public RouteView create(RouteCreateCommand command, String actor) {
        FieldErrors errors = new FieldErrors()
                .required("name", command.name())
                .required("policy", command.policy());
        RouteRules.check(errors, command.name(), command.description(), command.fallbacks(),
                command.requestTimeoutMs(), command.attemptTimeoutMs(), command.firstTokenTimeoutMs());
        modelNameTaken(errors, command.name());
        Map<String, Object> config = RouteRules.config(errors,
                command.config() == null ? JSON.createObjectNode() : command.config());
        errors.throwIfAny();
        Instant now = Instant.now();
        RouteEntity route = new RouteEntity(UUID.randomUUID(), command.name(), now);
        route.setDescription(command.description());
        route.setPolicy(command.policy());
        route.setConfig(config);
        route.setFallbacks(command.fallbacks() == null ? List.of() : command.fallbacks());
        route.setRequestTimeoutMs(command.requestTimeoutMs());
        route.setAttemptTimeoutMs(command.attemptTimeoutMs());
        route.setFirstTokenTimeoutMs(command.firstTokenTimeoutMs());
        route.setEnabled(command.enabled() == null || command.enabled());
        checkGraph(route, errors);
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

    /** Changes the given fields and removes the cleared ones; a change to nothing records and bumps nothing. */
    public RouteView update(String idOrName, RouteUpdateCommand command, String actor) {
        RouteEntity route = find(idOrName);
        Map<String, Object> previousState = RegistryChangeRecorder.state(route.getName(), describe(route));
        FieldErrors errors = new FieldErrors();
        RouteRules.check(errors, command.name(), command.description(), command.fallbacks(),
                command.requestTimeoutMs(), command.attemptTimeoutMs(), command.firstTokenTimeoutMs());
        command.clear().stream().filter(field -> !CLEARABLE.contains(field))
                .forEach(field -> errors.add(field, "cannot be removed"));
        Map<String, Object> config = command.config() == null ? null : RouteRules.config(errors, command.config());
        if (command.policy() != null && !targets.inspector().policies().contains(command.policy())) {
            errors.add("policy", "must be one of " + targets.inspector().policies().stream().sorted().toList());
        } else if (command.policy() != null && command.config() == null
                && !command.policy().equals(route.getPolicy())) {
            errors.add("config", "is required when the policy changes");
        }
        String previousName = route.getName();
        boolean renamed = command.name() != null && !command.name().equals(previousName);
        if (renamed) {
            modelNameTaken(errors, command.name());
        }
        errors.throwIfAny();
        if (renamed) {
            if (routes.existsByName(command.name())) {
                throw duplicate(command.name());
            }
            List<String> users = targets.routesTargeting(previousName);
            if (!users.isEmpty()) {
                throw new RegistryConflictException("Route '" + previousName + "' is used by routes " + users
                        + "; rename it there first");
            }
            refuseIfPlanning(previousName, "; rename it there first");
        }
        Map<String, Object> before = state(route);
        if (renamed) {
            route.setName(command.name());
        }
        route.setDescription(next(command, "description", command.description(), route.getDescription()));
        if (command.policy() != null) {
            route.setPolicy(command.policy());
        }
        if (config != null) {
            route.setConfig(config);
        }
        if (command.fallbacks() != null) {
            route.setFallbacks(command.fallbacks());
        }
        route.setRequestTimeoutMs(next(command, "request_timeout_ms", command.requestTimeoutMs(),
                route.getRequestTimeoutMs()));
        route.setAttemptTimeoutMs(next(command, "attempt_timeout_ms", command.attemptTimeoutMs(),
                route.getAttemptTimeoutMs()));
        route.setFirstTokenTimeoutMs(next(command, "first_token_timeout_ms", command.firstTokenTimeoutMs(),
                route.getFirstTokenTimeoutMs()));
        if (command.enabled() != null) {
            route.setEnabled(command.enabled());
        }
        checkGraph(route, errors);
        if (state(route).equals(before)) {
            return RouteView.of(route);
        }
        Instant now = Instant.now();
        route.touch(now);
        save(route);
        changes.recordChange(actor, "update", ENTITY, route.getId(), route.getName(), previousState,
                RegistryChangeRecorder.state(route.getName(), describe(route)), now);
        return RouteView.of(route);
    }

    /**
     * The route as {@code command} would change it, checked exactly as {@link #update} checks it but applied to a
     * copy and never stored: what a promotion gate evaluates before the change is made. A rename is refused, since the
     * candidate is served under the route's name. Its {@code updatedEpochMilli} is {@code version}, which the caller
     * keeps distinct from every stored route's so a compiled policy is never shared between the two.
     */
    @Transactional(readOnly = true)
    public RouteConfig candidate(String idOrName, RouteUpdateCommand command, long version) {
        RouteEntity stored = find(idOrName);
        FieldErrors errors = new FieldErrors();
        if (command.name() != null) {
            errors.add("name", "a candidate is evaluated under the route's own name; rename the route after");
        }
        RouteRules.check(errors, null, command.description(), command.fallbacks(), command.requestTimeoutMs(),
                command.attemptTimeoutMs(), command.firstTokenTimeoutMs());
        command.clear().stream().filter(field -> !CLEARABLE.contains(field))
                .forEach(field -> errors.add(field, "cannot be removed"));
        Map<String, Object> config = command.config() == null ? null : RouteRules.config(errors, command.config());
        if (command.policy() != null && command.config() == null && !command.policy().equals(stored.getPolicy())) {
            errors.add("config", "is required when the policy changes");
        }
        errors.throwIfAny();
        RouteEntity route = new RouteEntity(stored.getId(), stored.getName(), stored.getCreatedAt());
        route.setDescription(next(command, "description", command.description(), stored.getDescription()));
        route.setPolicy(command.policy() != null ? command.policy() : stored.getPolicy());
        route.setConfig(config != null ? config : stored.getConfig());
        route.setFallbacks(command.fallbacks() != null ? command.fallbacks() : stored.getFallbacks());
        route.setRequestTimeoutMs(next(command, "request_timeout_ms", command.requestTimeoutMs(),
                stored.getRequestTimeoutMs()));
        route.setAttemptTimeoutMs(next(command, "attempt_timeout_ms", command.attemptTimeoutMs(),
                stored.getAttemptTimeoutMs()));
        route.setFirstTokenTimeoutMs(next(command, "first_token_timeout_ms", command.firstTokenTimeoutMs(),
                stored.getFirstTokenTimeoutMs()));
        route.setEnabled(command.enabled() != null ? command.enabled() : stored.isEnabled());
        checkGraph(route, errors);
        return new RouteConfig(route.getId(), route.getName(), route.getDescription(), route.getPolicy(),
                JSON.valueToTree(route.getConfig()), route.getFallbacks(), millis(route.getRequestTimeoutMs()),
                millis(route.getAttemptTimeoutMs()), millis(route.getFirstTokenTimeoutMs()), route.isEnabled(),
                route.getCreatedAt().getEpochSecond(), version);
    }

    private static Duration millis(Integer value) {
        return value == null ? null : Duration.ofMillis(value);
    }

    public void delete(String idOrName, String actor) {
        RouteEntity route = find(idOrName);
        List<String> users = targets.routesTargeting(route.getName());
        if (!users.isEmpty()) {
            throw new RegistryConflictException("Route '" + route.getName() + "' is used by routes " + users);
        }
        refuseIfPlanning(route.getName(), "");
        routes.delete(route);
        routes.flush();
        changes.recordChange(actor, "delete", ENTITY, route.getId(), route.getName(),
                RegistryChangeRecorder.state(route.getName(), describe(route)), null, Instant.now());
    }

    /**
     * Validates what the route names as it would be stored: a known policy with a valid configuration, existing
     * targets, and no cycle through other routes. Throws every problem at once.
     */
    private void checkGraph(RouteEntity route, FieldErrors errors) {
        RoutePolicyInspector inspector = targets.inspector();
        Set<String> configured = new LinkedHashSet<>();
        if (route.getPolicy() == null || !inspector.policies().contains(route.getPolicy())) {
            errors.add("policy", "must be one of " + inspector.policies().stream().sorted().toList());
        } else {
            configured.addAll(inspector.inspect(route.getPolicy(), JSON.valueToTree(route.getConfig()), errors));
            targets.checkPrompts(route.getPolicy(), JSON.valueToTree(route.getConfig()), errors);
        }
        List<String> fallbacks = route.getFallbacks();
        Set<String> named = new HashSet<>(configured);
        named.addAll(fallbacks);
        Map<String, Set<String>> edges = routeEdges(route);
        Set<String> known = new HashSet<>(edges.keySet());
        models.findByNameIn(named).forEach(model -> known.add(model.getName()));
        for (String target : configured) {
            checkTarget(errors, "config", target, route.getName(), known);
        }
        for (int i = 0; i < fallbacks.size(); i++) {
            checkTarget(errors, "fallbacks[" + i + "]", fallbacks.get(i), route.getName(), known);
        }
        errors.throwIfAny();
        List<String> cycle = RouteGraph.cycleThrough(route.getName(), edges);
        if (cycle != null && cycle.size() > 2) {
            throw new RegistryValidationException("config",
                    "routes would form a cycle: " + String.join(" -> ", cycle));
        }
    }

    /** Clients name models, routes and ({@code agent:...}) agents in one field: the names must not collide. */
    private void modelNameTaken(FieldErrors errors, String name) {
        if (AgentConfig.isAgentModel(name)) {
            errors.add("name", "must not start with '" + AgentConfig.MODEL_PREFIX + "', which names agents");
        } else if (name != null && models.existsByName(name)) {
            errors.add("name", "a model is already named '" + name + "'");
        }
    }

    private void refuseIfPlanning(String name, String advice) {
        List<String> planners = agents.agentsUsing(name);
        if (!planners.isEmpty()) {
            throw new RegistryConflictException("Route '" + name + "' is the model of agents " + planners + advice);
        }
    }

    private static void checkTarget(FieldErrors errors, String field, String target, String self, Set<String> known) {
        if (target == null) {
            return; // reported by the field rules
        }
        if (target.equals(self)) {
            errors.add(field, "route '" + target + "' cannot target itself");
        } else if (!known.contains(target)) {
            errors.add(field, "no model or route named '" + target + "'");
        }
    }

    /** Every route's route-or-model targets, with this route's stored edges replaced by its new ones. */
    private Map<String, Set<String>> routeEdges(RouteEntity changed) {
        Map<String, Set<String>> edges = new HashMap<>();
        for (RouteEntity route : routes.findAll()) {
            if (!route.getId().equals(changed.getId())) {
                edges.put(route.getName(), targets.targetsOf(route));
            }
        }
        edges.put(changed.getName(), targets.targetsOf(changed));
        return edges;
    }

    private RouteEntity find(String idOrName) {
        UUID id = IdOrName.asUuid(idOrName);
        return (id != null ? routes.findById(id) : routes.findByName(idOrName))
                .orElseThrow(() -> new RegistryNotFoundException(ENTITY, idOrName));
    }

    private void save(RouteEntity route) {
        ColumnLimits.check(route);
        try {
            routes.saveAndFlush(route);
        } catch (DataAccessException e) {
            throw DatabaseErrors.translate(e, ENTITY, route.getName(), route);
        }
    }

    private static <T> T next(RouteUpdateCommand command, String field, T given, T stored) {
        return command.clear().contains(field) ? null : given != null ? given : stored;
    }

    private static RegistryConflictException duplicate(String name) {
        return new RegistryConflictException("A route named '" + name + "' already exists", "name");
    }

    /** Everything a write can change, to tell a change from a write of what is already stored. */
    private static Map<String, Object> state(RouteEntity route) {
        Map<String, Object> state = describe(route);
        state.put("name", route.getName());
        state.put("description", route.getDescription());
        state.put("config", JSON.valueToTree(route.getConfig()));
        return state;
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
