package ai.switchboard.registry.declarative;

import ai.switchboard.registry.admin.RegistryConflictException;
import ai.switchboard.registry.admin.RegistryNotFoundException;
import ai.switchboard.registry.admin.RegistryValidationException;
import ai.switchboard.registry.admin.StorableJson;
import ai.switchboard.registry.route.RouteAdminService;
import ai.switchboard.registry.route.RouteCreateCommand;
import ai.switchboard.registry.route.RouteEntity;
import ai.switchboard.registry.route.RouteRepository;
import ai.switchboard.registry.route.RouteUpdateCommand;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code routes:} — matched by name, after models (routes target them) and before keys (keys may name routes). Each
 * entry is written through the admin service, so it is validated exactly as an admin API write is. Routes may target
 * routes declared later in the file: entries are applied in dependency order.
 */
@Component
class RouteSection implements DeclarativeSection {

    private static final JsonMapper JSON = JsonMapper.shared();
    private static final RouteUpdateCommand NO_CHANGE = new RouteUpdateCommand(null, null, null, null, null, null,
            null, null, null, Set.of());

    private final RouteRepository routes;
    private final RouteAdminService service;

    RouteSection(RouteRepository routes, RouteAdminService service) {
        this.routes = routes;
        this.service = service;
    }

    @Override
    public String key() {
        return "routes";
    }

    @Override
    public int order() {
        return 300;
    }

    @Override
    public SectionResult apply(List<JsonNode> entries, ApplyContext context) {
        List<Bound> bound = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            String path = key() + "[" + i + "]";
            RouteEntry entry = context.bind(entries.get(i), path, RouteEntry.class, RouteEntry.FIELDS, Set.of());
            if (entry != null) {
                bound.add(new Bound(path, entry));
            }
        }
        SectionResult result = SectionResult.none();
        for (Bound item : dependencyOrder(bound)) {
            try {
                result = result.plus(upsert(item.entry(), context.actor()));
            } catch (RegistryValidationException e) {
                context.errors(item.path(), e);
            } catch (RegistryConflictException | RegistryNotFoundException e) {
                context.error(item.path(), e.getMessage());
            }
        }
        return result;
    }

    private SectionResult upsert(RouteEntry e, String actor) {
        Optional<RouteEntity> found = e.name() == null ? Optional.empty() : routes.findByName(e.name());
        if (found.isEmpty()) {
            service.create(new RouteCreateCommand(e.name(), e.description(), e.policy(), e.config(), e.fallbacks(),
                    e.requestTimeoutMs(), e.attemptTimeoutMs(), e.firstTokenTimeoutMs(), e.enabled()), actor);
            return SectionResult.ofCreated();
        }
        RouteEntity r = found.get();
        RouteUpdateCommand update = new RouteUpdateCommand(null,
                differs(e.description(), r.getDescription()),
                differs(e.policy(), r.getPolicy()),
                e.config() == null || StorableJson.same(e.config(), JSON.valueToTree(r.getConfig())) ? null : e.config(),
                differs(e.fallbacks(), r.getFallbacks()),
                differs(e.requestTimeoutMs(), r.getRequestTimeoutMs()),
                differs(e.attemptTimeoutMs(), r.getAttemptTimeoutMs()),
                differs(e.firstTokenTimeoutMs(), r.getFirstTokenTimeoutMs()),
                differs(e.enabled(), r.isEnabled()), Set.of());
        if (update.equals(NO_CHANGE)) {
            return SectionResult.ofUnchanged();
        }
        service.update(r.getName(), update, actor);
        return SectionResult.ofUpdated();
    }

    /**
     * Entries ordered so that a route comes after the routes of this file it names (found by scanning its config
     * and fallbacks for their names). Entries in a cycle keep file order; the service then reports the cycle.
     */
    private static List<Bound> dependencyOrder(List<Bound> bound) {
        Set<String> declared = new HashSet<>();
        bound.forEach(item -> declared.add(item.entry().name()));
        List<Bound> ordered = new ArrayList<>(bound.size());
        List<Bound> pending = new ArrayList<>(bound);
        Set<String> placed = new HashSet<>();
        while (!pending.isEmpty()) {
            Bound ready = null;
            for (Bound item : pending) {
                Set<String> needs = new HashSet<>(names(item.entry()));
                needs.retainAll(declared);
                needs.remove(item.entry().name());
                if (placed.containsAll(needs)) {
                    ready = item;
                    break;
                }
            }
            Bound next = ready != null ? ready : pending.get(0);
            pending.remove(next);
            ordered.add(next);
            placed.add(next.entry().name());
        }
        return ordered;
    }

    private static Set<String> names(RouteEntry entry) {
        Set<String> names = new HashSet<>();
        if (entry.fallbacks() != null) {
            names.addAll(entry.fallbacks());
        }
        if (entry.config() != null) {
            collect(entry.config(), names);
        }
        return names;
    }

    private static void collect(JsonNode node, Set<String> names) {
        if (node.isString()) {
            names.add(node.asString());
        }
        node.forEach(child -> collect(child, names));
    }

    private static <T> T differs(T wanted, T current) {
        return wanted == null || Objects.equals(wanted, current) ? null : wanted;
    }

    @Override
    public List<RouteEntry> export() {
        return routes.findAllByOrderByNameAsc().stream().map(r -> new RouteEntry(r.getName(), r.getDescription(),
                r.getPolicy(), JSON.valueToTree(Map.copyOf(r.getConfig())), List.copyOf(r.getFallbacks()),
                r.getRequestTimeoutMs(), r.getAttemptTimeoutMs(), r.getFirstTokenTimeoutMs(), r.isEnabled()))
                .toList();
    }

    private record Bound(String path, RouteEntry entry) {
    }

    @Override
    public String historyType() {
        return RouteAdminService.ENTITY;
    }
}
