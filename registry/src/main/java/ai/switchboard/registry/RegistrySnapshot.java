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
    private static final Map<UUID, RateLimitConfig> NO_LIMITS = Map.of();

    private final long version;
    private final Map<String, ProviderConfig> providersByName;
    private final Map<String, ModelConfig> modelsByName;
    private final Map<String, ApiKeyRecord> keysByHash;
    private final List<ApiKeyRecord> keys;
    private final Map<String, RouteConfig> routesByName;
    private final Map<UUID, TeamConfig> teamsById;
    private final Map<UUID, RateLimitConfig> keyLimits;
    private final Map<UUID, RateLimitConfig> teamLimits;
    private final Map<UUID, RateLimitConfig> modelLimits;
    private final List<BudgetConfig> budgets;
    private final Map<String, ToolConfig> toolsByName;
    private final Map<String, AgentConfig> agentsByName;
    private final Map<UUID, CachePolicyConfig> cachePolicies;
    private final Map<String, PromptConfig> promptsByName;
    private final Map<String, McpServerDefinition> mcpServersByName;

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

    /** A snapshot without rate limits or budgets. */
    public RegistrySnapshot(long version, Collection<ProviderConfig> providers, Collection<ModelConfig> models,
            Collection<ApiKeyRecord> keys, Collection<RouteConfig> routes, Collection<TeamConfig> teams) {
        this(version, providers, models, keys, routes, teams, List.of(), List.of());
    }

    /** A snapshot without tools, agents or cache policies. */
    public RegistrySnapshot(long version, Collection<ProviderConfig> providers, Collection<ModelConfig> models,
            Collection<ApiKeyRecord> keys, Collection<RouteConfig> routes, Collection<TeamConfig> teams,
            Collection<RateLimitConfig> rateLimits, Collection<BudgetConfig> budgets) {
        this(version, providers, models, keys, routes, teams, rateLimits, budgets, List.of(), List.of(), List.of());
    }

    /** A snapshot without tools or agents. */
    public RegistrySnapshot(long version, Collection<ProviderConfig> providers, Collection<ModelConfig> models,
            Collection<ApiKeyRecord> keys, Collection<RouteConfig> routes, Collection<TeamConfig> teams,
            Collection<RateLimitConfig> rateLimits, Collection<BudgetConfig> budgets,
            Collection<CachePolicyConfig> cachePolicies) {
        this(version, providers, models, keys, routes, teams, rateLimits, budgets, List.of(), List.of(),
                cachePolicies);
    }

    /** A snapshot without cache policies. */
    public RegistrySnapshot(long version, Collection<ProviderConfig> providers, Collection<ModelConfig> models,
            Collection<ApiKeyRecord> keys, Collection<RouteConfig> routes, Collection<TeamConfig> teams,
            Collection<RateLimitConfig> rateLimits, Collection<BudgetConfig> budgets, Collection<ToolConfig> tools,
            Collection<AgentConfig> agents) {
        this(version, providers, models, keys, routes, teams, rateLimits, budgets, tools, agents, List.of());
    }

    /** A snapshot without prompt templates or MCP servers. */
    public RegistrySnapshot(long version, Collection<ProviderConfig> providers, Collection<ModelConfig> models,
            Collection<ApiKeyRecord> keys, Collection<RouteConfig> routes, Collection<TeamConfig> teams,
            Collection<RateLimitConfig> rateLimits, Collection<BudgetConfig> budgets, Collection<ToolConfig> tools,
            Collection<AgentConfig> agents, Collection<CachePolicyConfig> cachePolicies) {
        this(version, providers, models, keys, routes, teams, rateLimits, budgets, tools, agents, cachePolicies,
                List.of(), List.of());
    }

    public RegistrySnapshot(long version, Collection<ProviderConfig> providers, Collection<ModelConfig> models,
            Collection<ApiKeyRecord> keys, Collection<RouteConfig> routes, Collection<TeamConfig> teams,
            Collection<RateLimitConfig> rateLimits, Collection<BudgetConfig> budgets, Collection<ToolConfig> tools,
            Collection<AgentConfig> agents, Collection<CachePolicyConfig> cachePolicies,
            Collection<PromptConfig> prompts, Collection<McpServerDefinition> mcpServers) {
        this.version = version;
        this.promptsByName = index(prompts, PromptConfig::name);
        this.mcpServersByName = index(mcpServers, McpServerDefinition::name);
        this.toolsByName = index(tools, ToolConfig::name);
        this.agentsByName = index(agents, AgentConfig::name);
        // Keys, models and routes are told apart by their ids (UUIDs), so one map holds the three kinds.
        this.cachePolicies = cachePolicies.isEmpty() ? Map.of() : index(cachePolicies, CachePolicyConfig::targetId);
        this.keyLimits = limits(rateLimits, RateLimitTarget.KEY);
        this.teamLimits = limits(rateLimits, RateLimitTarget.TEAM);
        this.modelLimits = limits(rateLimits, RateLimitTarget.MODEL);
        this.budgets = List.copyOf(budgets);
        this.teamsById = index(teams, TeamConfig::id);
        this.providersByName = index(providers, ProviderConfig::name);
        this.modelsByName = index(models, ModelConfig::name);
        this.keysByHash = keysByHash(keys);
        this.keys = List.copyOf(keys);
        this.routesByName = index(routes, RouteConfig::name);
    }

    /** A rotated key answers to its previous secret too, until the grace period its record carries ends. */
    private static Map<String, ApiKeyRecord> keysByHash(Collection<ApiKeyRecord> keys) {
        Map<String, ApiKeyRecord> map = new LinkedHashMap<>(Math.max(16, keys.size() * 3));
        for (ApiKeyRecord key : keys) {
            map.put(key.hash(), key);
        }
        for (ApiKeyRecord key : keys) {
            if (key.previousHash() != null) {
                map.putIfAbsent(key.previousHash(), key);
            }
        }
        return Collections.unmodifiableMap(map);
    }

    private static <K, T> Map<K, T> index(Collection<T> values, java.util.function.Function<T, K> key) {
        Map<K, T> map = new LinkedHashMap<>(Math.max(16, values.size() * 2));
        for (T value : values) {
            map.put(key.apply(value), value);
        }
        return Collections.unmodifiableMap(map);
    }

    private static Map<UUID, RateLimitConfig> limits(Collection<RateLimitConfig> limits, RateLimitTarget target) {
        List<RateLimitConfig> matching = limits.stream().filter(limit -> limit.target() == target).toList();
        return matching.isEmpty() ? NO_LIMITS : index(matching, RateLimitConfig::targetId);
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

    /** The prompt template with this name, or {@code null}. */
    public PromptConfig prompt(String name) {
        return promptsByName.get(name);
    }

    /** The route with this name, or {@code null}. */
    public RouteConfig route(String name) {
        return routesByName.get(name);
    }

    /** All routes, in name order. */
    public Collection<RouteConfig> routes() {
        return routesByName.values();
    }

    /**
     * The key whose current or previous secret has this SHA-256 hash (lower-case hex), or {@code null}; whether that
     * secret is still accepted is {@link ApiKeyRecord#acceptsAt}.
     */
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
        return keys;
    }

    /** The tool with this name, or {@code null}. */
    public ToolConfig tool(String name) {
        return toolsByName.get(name);
    }

    /** All tools, in name order. */
    public Collection<ToolConfig> tools() {
        return toolsByName.values();
    }

    /** The agent with this name (without the {@code agent:} of model names), or {@code null}. */
    public AgentConfig agent(String name) {
        return agentsByName.get(name);
    }

    /** All agents, in name order. */
    public Collection<AgentConfig> agents() {
        return agentsByName.values();
    }

    /** The MCP server with this name, or {@code null}. */
    public McpServerDefinition mcpServer(String name) {
        return mcpServersByName.get(name);
    }

    /** All MCP servers, enabled or not, in name order. */
    public Collection<McpServerDefinition> mcpServers() {
        return mcpServersByName.values();
    }

    /** The rate limit on the key with this id, or {@code null}. */
    public RateLimitConfig keyRateLimit(UUID keyId) {
        return keyLimits.get(keyId);
    }

    /** The rate limit on the team with this id, or {@code null} (also for a {@code null} id). */
    public RateLimitConfig teamRateLimit(UUID teamId) {
        return teamId == null ? null : teamLimits.get(teamId);
    }

    /** The rate limit on the model with this id, or {@code null}. */
    public RateLimitConfig modelRateLimit(UUID modelId) {
        return modelLimits.get(modelId);
    }

    /** The cache policy on the key, model or route with this id, or {@code null} (also for a {@code null} id). */
    public CachePolicyConfig cachePolicy(UUID targetId) {
        return targetId == null ? null : cachePolicies.get(targetId);
    }

    /** Whether any cache policy exists: the request path skips the cache's look-ups when none does. */
    public boolean hasCachePolicies() {
        return !cachePolicies.isEmpty();
    }

    /** Whether any model has a rate limit: the request path skips model look-ups when none has. */
    public boolean hasModelRateLimits() {
        return !modelLimits.isEmpty();
    }
}
