package ai.switchboard.registry.snapshot;

import ai.switchboard.registry.AgentConfig;
import ai.switchboard.registry.ApiKeyRecord;
import ai.switchboard.registry.BudgetConfig;
import ai.switchboard.registry.BudgetPeriod;
import ai.switchboard.registry.BudgetScope;
import ai.switchboard.registry.CachePolicyConfig;
import ai.switchboard.registry.cache.CachePolicyEntity;
import ai.switchboard.registry.cache.CachePolicyRepository;
import ai.switchboard.registry.budget.BudgetEntity;
import ai.switchboard.registry.budget.BudgetRepository;
import ai.switchboard.registry.Capability;
import ai.switchboard.registry.KeyScope;
import ai.switchboard.registry.ModelConfig;
import ai.switchboard.registry.ProviderConfig;
import ai.switchboard.registry.PromptConfig;
import ai.switchboard.registry.ProviderStatus;
import ai.switchboard.registry.RateLimitConfig;
import ai.switchboard.registry.RegistrySnapshot;
import ai.switchboard.registry.RouteConfig;
import ai.switchboard.registry.SemanticCacheConfig;
import ai.switchboard.registry.TeamConfig;
import ai.switchboard.registry.McpServerDefinition;
import ai.switchboard.registry.ToolConfig;
import ai.switchboard.registry.mcp.McpServerEntity;
import ai.switchboard.registry.mcp.McpServerRepository;
import ai.switchboard.registry.mcp.McpServerSecretValues;
import ai.switchboard.registry.mcp.McpServerSecrets;
import ai.switchboard.registry.agent.AgentEntity;
import ai.switchboard.registry.agent.AgentRepository;
import ai.switchboard.registry.crypto.CredentialDecryptionException;
import ai.switchboard.registry.key.ApiKeyEntity;
import ai.switchboard.registry.key.ApiKeyRepository;
import ai.switchboard.registry.model.ModelEntity;
import ai.switchboard.registry.model.ModelRepository;
import ai.switchboard.registry.provider.ProviderEntity;
import ai.switchboard.registry.provider.ProviderRepository;
import ai.switchboard.registry.provider.ProviderSecrets;
import ai.switchboard.registry.prompt.PromptEntity;
import ai.switchboard.registry.prompt.PromptRepository;
import ai.switchboard.registry.prompt.PromptTemplate;
import ai.switchboard.registry.prompt.PromptVersionEntity;
import ai.switchboard.registry.prompt.PromptVersionRepository;
import ai.switchboard.registry.ratelimit.RateLimitEntity;
import ai.switchboard.registry.ratelimit.RateLimitRepository;
import ai.switchboard.registry.route.RouteEntity;
import ai.switchboard.registry.route.RouteRepository;
import ai.switchboard.registry.team.TeamEntity;
import ai.switchboard.registry.team.TeamRepository;
import ai.switchboard.registry.tool.ToolEntity;
import ai.switchboard.registry.tool.ToolRepository;
import ai.switchboard.registry.tool.ToolSecrets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads the whole registry into a {@link RegistrySnapshot}. Credentials are decrypted here, once per rebuild, so the
 * request path never decrypts. A provider whose secrets cannot be decrypted is kept, marked
 * {@link ProviderStatus#CREDENTIAL_ERROR} and without them, so that one bad row never stops everything else from
 * refreshing.
 */
@Component
public class RegistrySnapshotLoader {

    private static final Logger log = LoggerFactory.getLogger(RegistrySnapshotLoader.class);

    private final ProviderRepository providers;
    private final ModelRepository models;
    private final ApiKeyRepository keys;
    private final RouteRepository routes;
    private final TeamRepository teams;
    private final RateLimitRepository rateLimits;
    private final BudgetRepository budgets;
    private final ToolRepository tools;
    private final AgentRepository agents;
    private final CachePolicyRepository cachePolicies;
    private final RegistryRevisions revisions;
    private final ProviderSecrets secrets;
    private final ToolSecrets toolSecrets;
    private final TransactionTemplate readTransaction;
    private final PromptRepository prompts;
    private final PromptVersionRepository promptVersions;
    /** Compiled prompt versions by row id: versions never change, so each is compiled once per process. */
    private final Map<java.util.UUID, PromptTemplate> compiledPrompts = new java.util.concurrent.ConcurrentHashMap<>();
    private final McpServerRepository mcpServers;
    private final McpServerSecrets mcpSecrets;

    public RegistrySnapshotLoader(ProviderRepository providers, ModelRepository models, ApiKeyRepository keys,
            RouteRepository routes, TeamRepository teams, RateLimitRepository rateLimits, BudgetRepository budgets,
            ToolRepository tools, AgentRepository agents, CachePolicyRepository cachePolicies,
            RegistryRevisions revisions, ProviderSecrets secrets, ToolSecrets toolSecrets,
            PlatformTransactionManager transactionManager, PromptRepository prompts,
            PromptVersionRepository promptVersions, McpServerRepository mcpServers, McpServerSecrets mcpSecrets) {
        this.prompts = prompts;
        this.promptVersions = promptVersions;
        this.mcpServers = mcpServers;
        this.mcpSecrets = mcpSecrets;
        this.providers = providers;
        this.models = models;
        this.keys = keys;
        this.routes = routes;
        this.teams = teams;
        this.rateLimits = rateLimits;
        this.budgets = budgets;
        this.tools = tools;
        this.agents = agents;
        this.cachePolicies = cachePolicies;
        this.revisions = revisions;
        this.secrets = secrets;
        this.toolSecrets = toolSecrets;
        this.readTransaction = new TransactionTemplate(transactionManager);
        // A new transaction even when called from an afterCommit callback of a finished one, and repeatable read so
        // the revision and the rows come from one consistent point in time.
        this.readTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.readTransaction.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.readTransaction.setReadOnly(true);
    }

    /** The committed revision, for cheap "has anything changed?" checks. */
    public long currentRevision() {
        return revisions.current();
    }

    /** Builds a snapshot of the committed registry; throws if the database is unreachable. */
    public RegistrySnapshot load() {
        return readTransaction.execute(status -> build());
    }

    private RegistrySnapshot build() {
        long revision = revisions.current();
        List<ProviderConfig> providerConfigs = new ArrayList<>();
        for (ProviderEntity provider : providers.findAllByOrderByNameAsc()) {
            providerConfigs.add(toConfig(provider));
        }
        List<ModelConfig> modelConfigs = new ArrayList<>();
        for (ModelEntity model : models.findAllByOrderByNameAsc()) {
            modelConfigs.add(toConfig(model));
        }
        List<ApiKeyRecord> keyRecords = new ArrayList<>();
        for (ApiKeyEntity key : keys.findAll()) {
            keyRecords.add(toRecord(key));
        }
        List<RouteConfig> routeConfigs = new ArrayList<>();
        for (RouteEntity route : routes.findAllByOrderByNameAsc()) {
            routeConfigs.add(toConfig(route));
        }
        List<TeamConfig> teamConfigs = new ArrayList<>();
        for (TeamEntity team : teams.findAllByOrderByNameAsc()) {
            teamConfigs.add(new TeamConfig(team.getId(), team.getName()));
        }
        List<RateLimitConfig> limitConfigs = new ArrayList<>();
        for (RateLimitEntity limit : rateLimits.findAll()) {
            limitConfigs.add(new RateLimitConfig(limit.getId(), limit.getTarget(), limit.getTargetId(),
                    limit.getRequestsPerMinute(), limit.getTokensPerMinute()));
        }
        List<ToolConfig> toolConfigs = new ArrayList<>();
        for (ToolEntity tool : tools.findAllByOrderByNameAsc()) {
            toolConfigs.add(toConfig(tool));
        }
        List<AgentConfig> agentConfigs = new ArrayList<>();
        for (AgentEntity agent : agents.findAllByOrderByNameAsc()) {
            agentConfigs.add(toConfig(agent));
        }
        List<CachePolicyConfig> cacheConfigs = new ArrayList<>();
        Map<UUID, String> modelNames = new HashMap<>();
        modelConfigs.forEach(model -> modelNames.put(model.id(), model.name()));
        for (CachePolicyEntity policy : cachePolicies.findAll()) {
            String embeddingModel = policy.getEmbeddingModelId() == null ? null
                    : modelNames.get(policy.getEmbeddingModelId());
            SemanticCacheConfig semantic = "semantic".equals(policy.getMode()) && embeddingModel != null
                    ? new SemanticCacheConfig(embeddingModel, policy.getSimilarityThreshold(),
                            policy.getContextTurns())
                    : null;
            cacheConfigs.add(new CachePolicyConfig(policy.getId(), policy.getTarget(), policy.getTargetId(),
                    policy.isEnabled(), Duration.ofSeconds(policy.getTtlSeconds()), policy.getMaxEntryBytes(),
                    policy.isSharedAcrossTeams(), policy.isDeterministicOnly(), semantic));
        }
        return new RegistrySnapshot(revision, providerConfigs, modelConfigs, keyRecords, routeConfigs, teamConfigs,
                limitConfigs, budgetConfigs(keyRecords, teamConfigs, modelConfigs, routeConfigs), toolConfigs,
                agentConfigs, cacheConfigs, promptConfigs(), mcpServerDefinitions());
    }

    private List<PromptConfig> promptConfigs() {
        Map<java.util.UUID, Map<Integer, PromptTemplate>> byPrompt = new java.util.HashMap<>();
        Set<java.util.UUID> live = new HashSet<>();
        for (PromptVersionEntity v : promptVersions.findAll()) {
            live.add(v.getId());
            PromptTemplate compiled = compiledPrompts.computeIfAbsent(v.getId(),
                    id -> PromptTemplate.stored(JsonMapper.shared().valueToTree(v.getTemplate())));
            byPrompt.computeIfAbsent(v.getPromptId(), id -> new java.util.HashMap<>()).put(v.getVersion(), compiled);
        }
        compiledPrompts.keySet().retainAll(live);
        List<PromptConfig> configs = new ArrayList<>();
        for (PromptEntity p : prompts.findAllByOrderByNameAsc()) {
            configs.add(new PromptConfig(p.getId(), p.getName(), p.getLabels(),
                    byPrompt.getOrDefault(p.getId(), Map.of())));
        }
        return configs;
    }

    private List<McpServerDefinition> mcpServerDefinitions() {
        List<McpServerDefinition> definitions = new ArrayList<>();
        for (McpServerEntity server : mcpServers.findAllByOrderByNameAsc()) {
            McpServerSecretValues decrypted = null;
            ProviderStatus status = ProviderStatus.OK;
            try {
                decrypted = mcpSecrets.decrypt(server);
            } catch (CredentialDecryptionException e) {
                log.warn("MCP server '{}' is unavailable: {}. Set its secrets again through the admin API.",
                        server.getName(), e.getMessage());
                status = ProviderStatus.CREDENTIAL_ERROR;
            }
            definitions.add(new McpServerDefinition(server.getId(), server.getName(), server.getTransport(),
                    server.getUrl(), server.getCommand(), server.getArgs(),
                    Duration.ofMillis(server.getConnectTimeoutMs()), Duration.ofMillis(server.getCallTimeoutMs()),
                    server.isEnabled(), decrypted, server.getRevision(), status));
        }
        return definitions;
    }

    private ToolConfig toConfig(ToolEntity t) {
        ObjectNode decrypted;
        ProviderStatus status = ProviderStatus.OK;
        try {
            decrypted = toolSecrets.decrypt(t);
        } catch (CredentialDecryptionException e) {
            log.warn("Tool '{}' is unavailable: {}. Set its secret configuration again through the admin API.",
                    t.getName(), e.getMessage());
            decrypted = null;
            status = ProviderStatus.CREDENTIAL_ERROR;
        }
        return new ToolConfig(t.getId(), t.getName(), t.getType(), t.getDescription(),
                JsonMapper.shared().valueToTree(t.getConfig()), decrypted, t.getRevision(), status);
    }

    private static AgentConfig toConfig(AgentEntity a) {
        return new AgentConfig(a.getId(), a.getName(), a.getDescription(), a.getModel(), a.getInstructions(),
                a.getTools(), a.getMaxSteps(), a.getMaxCostUsd(), Duration.ofSeconds(a.getTimeoutSeconds()),
                a.isParallelToolCalls(),
                a.getResponseFormat() == null ? null : JsonMapper.shared().valueToTree(a.getResponseFormat()),
                a.getUpdatedAt().toEpochMilli(), a.getInstructionsPrompt());
    }

    /** Budgets with the names of what they watch, as the request path meets keys, teams, models and routes. */
    private List<BudgetConfig> budgetConfigs(List<ApiKeyRecord> keyRecords, List<TeamConfig> teamConfigs,
            List<ModelConfig> modelConfigs, List<RouteConfig> routeConfigs) {
        Map<java.util.UUID, String> names = new java.util.HashMap<>();
        keyRecords.forEach(k -> names.put(k.id(), k.name()));
        teamConfigs.forEach(t -> names.put(t.id(), t.name()));
        modelConfigs.forEach(m -> names.put(m.id(), m.name()));
        routeConfigs.forEach(r -> names.put(r.id(), r.name()));
        List<BudgetConfig> configs = new ArrayList<>();
        for (BudgetEntity b : budgets.findAllByOrderByNameAsc()) {
            configs.add(new BudgetConfig(b.getId(), b.getName(), BudgetScope.fromWire(b.getScopeType()),
                    b.getScopeId(), names.get(b.getScopeId()), BudgetPeriod.fromWire(b.getPeriod()), b.getLimitUsd(),
                    b.getSoftThresholdPercent(), b.isEnabled(), b.getUpdatedAt().toEpochMilli()));
        }
        return configs;
    }

    private static RouteConfig toConfig(RouteEntity r) {
        return new RouteConfig(r.getId(), r.getName(), r.getDescription(), r.getPolicy(),
                JsonMapper.shared().valueToTree(r.getConfig()), r.getFallbacks(), millis(r.getRequestTimeoutMs()),
                millis(r.getAttemptTimeoutMs()), millis(r.getFirstTokenTimeoutMs()), r.isEnabled(),
                r.getCreatedAt().getEpochSecond(), r.getUpdatedAt().toEpochMilli());
    }

    private static Duration millis(Integer value) {
        return value == null ? null : Duration.ofMillis(value);
    }

    private ProviderConfig toConfig(ProviderEntity p) {
        ProviderSecrets.Decrypted decrypted;
        ProviderStatus status = ProviderStatus.OK;
        try {
            decrypted = secrets.decrypt(p);
        } catch (CredentialDecryptionException e) {
            log.warn("Provider '{}' is unavailable: {}. Set its api_key (and extra_headers) again through the admin "
                    + "API.", p.getName(), e.getMessage());
            decrypted = new ProviderSecrets.Decrypted(null, Map.of());
            status = ProviderStatus.CREDENTIAL_ERROR;
        }
        return new ProviderConfig(p.getId(), p.getName(), p.getType(), p.getBaseUrl(), decrypted.apiKey(),
                decrypted.extraHeaders(), Duration.ofMillis(p.getConnectTimeoutMs()),
                Duration.ofMillis(p.getResponseTimeoutMs()), p.getSettings(), p.isEnabled(), p.getRevision(), status);
    }

    private static ModelConfig toConfig(ModelEntity m) {
        Set<Capability> capabilities = EnumSet.noneOf(Capability.class);
        for (String capability : m.getCapabilities()) {
            capabilities.add(Capability.fromWire(capability));
        }
        return new ModelConfig(m.getId(), m.getName(), m.getProvider().getName(), m.getUpstreamModel(),
                m.getVersion(), capabilities, m.getContextWindow(), m.getMaxOutputTokens(), m.getInputPricePerMtok(),
                m.getOutputPricePerMtok(), new HashSet<>(m.getTags()), m.isEnabled(),
                m.getCreatedAt().getEpochSecond(), m.getUpdatedAt().toEpochMilli());
    }

    private static ApiKeyRecord toRecord(ApiKeyEntity k) {
        Set<KeyScope> scopes = EnumSet.noneOf(KeyScope.class);
        for (String scope : k.getScopes()) {
            scopes.add(KeyScope.fromWire(scope));
        }
        return new ApiKeyRecord(k.getId(), k.getName(), k.getPrefix(), k.getHash(), scopes,
                new HashSet<>(k.getAllowedModels()), k.getExpiresAt(), k.isRevoked(), k.getTeamId(),
                k.getPreviousHash(), k.getPreviousHashExpiresAt());
    }
}
