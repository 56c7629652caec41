package ai.switchboard.registry;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An immutable picture of the registry, read by the request path without locks or I/O. A new snapshot replaces the
 * old one atomically after every admin commit and on change notifications from other replicas.
 */
public final class RegistrySnapshot {

    private static final RegistrySnapshot EMPTY = new RegistrySnapshot(0, List.of(), List.of(), List.of(), List.of(),
            List.of());

    private final long version;
    private final Map<String, ProviderConfig> providersByName;
    private final Map<String, ModelConfig> modelsByName;
    private final Map<String, ApiKeyRecord> keysByHash;
    private final Map<String, RouteConfig> routesByName;
    private final Map<UUID, TeamConfig> teamsById;
    private final List<BudgetConfig> budgets;

    /** A snapshot without routes. */
    public RegistrySnapshot(long version, Collection<ProviderConfig> providers, Collection<ModelConfig> models,
            Collection<ApiKeyRecord> keys) {
        this(version, providers, models, keys, List.of());
    }

    /** A snapshot without teams. */
    public RegistrySnapshot(long version, Collection<ProviderConfig> providers, Collection<ModelConfig> models,
            Collection<ApiKeyRecord> keys, Collection<RouteConfig> routes) {
        this(version, providers, models, keys, routes, List.of());
    }

    /** A snapshot without budgets. */
    public RegistrySnapshot(long version, Collection<ProviderConfig> providers, Collection<ModelConfig> models,
            Collection<ApiKeyRecord> keys, Collection<RouteConfig> routes, Collection<TeamConfig> teams) {
        this(version, providers, models, keys, routes, teams, List.of());
    }

    public RegistrySnapshot(long version, Collection<ProviderConfig> providers, Collection<ModelConfig> models,
            Collection<ApiKeyRecord> keys, Collection<RouteConfig> routes, Collection<TeamConfig> teams,
            Collection<BudgetConfig> budgets) {
        this.version = version;
        this.budgets = List.copyOf(budgets);
        this.teamsById = index(teams, TeamConfig::id);
        this.providersByName = index(providers, ProviderConfig::name);
        this.modelsByName = index(models, ModelConfig::name);
        this.keysByHash = index(keys, ApiKeyRecord::hash);
        this.routesByName = index(routes, RouteConfig::name);
    }

    private static <K, T> Map<K, T> index(Collection<T> values, java.util.function.Function<T, K> key) {
        Map<K, T> map = new LinkedHashMap<>(Math.max(16, values.size() * 2));
        for (T value : values) {
            map.put(key.apply(value), value);
        }
        return Collections.unmodifiableMap(map);
    }

    public static RegistrySnapshot empty() {
        return EMPTY;
    }

    /** The registry revision this snapshot was built from. */
    public long version() {
        return version;
    }

    /** The provider with this name, or {@code null}. */
    public ProviderConfig provider(String name) {
        return providersByName.get(name);
    }

    /** The model with this public name, or {@code null}. */
    public ModelConfig model(String name) {
        return modelsByName.get(name);
    }

    /** The route with this name, or {@code null}. */
    public RouteConfig route(String name) {
        return routesByName.get(name);
    }

    /** All routes, in name order. */
    public Collection<RouteConfig> routes() {
        return routesByName.values();
    }

    /** The key whose SHA-256 hash (lower-case hex) is given, or {@code null}. */
    public ApiKeyRecord keyByHash(String hash) {
        return keysByHash.get(hash);
    }

    /** All models, in name order. */
    public Collection<ModelConfig> models() {
        return modelsByName.values();
    }

    /** All providers, in name order. */
    public Collection<ProviderConfig> providers() {
        return providersByName.values();
    }

    /** The team with this id, or {@code null}. */
    public TeamConfig team(UUID id) {
        return id == null ? null : teamsById.get(id);
    }

    /** All teams. */
    public Collection<TeamConfig> teams() {
        return teamsById.values();
    }

    /** All budgets, enabled or not, in name order. */
    public List<BudgetConfig> budgets() {
        return budgets;
    }

    /** All keys. */
    public Collection<ApiKeyRecord> keys() {
        return keysByHash.values();
    }
}
