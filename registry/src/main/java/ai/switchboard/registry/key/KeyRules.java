package ai.switchboard.registry.key;

import ai.switchboard.registry.AgentConfig;
import ai.switchboard.registry.ApiKeyRecord;
import ai.switchboard.registry.KeyScope;
import ai.switchboard.registry.admin.FieldErrors;
import ai.switchboard.registry.admin.RegistryForbiddenException;
import ai.switchboard.registry.ToolGrants;
import ai.switchboard.registry.agent.AgentEntity;
import ai.switchboard.registry.mcp.McpServerRepository;
import ai.switchboard.registry.mcp.McpToolNames;
import ai.switchboard.registry.tool.ToolRepository;
import ai.switchboard.registry.agent.AgentRepository;
import ai.switchboard.registry.model.ModelEntity;
import ai.switchboard.registry.model.ModelRepository;
import ai.switchboard.registry.route.RouteEntity;
import ai.switchboard.registry.route.RouteRepository;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.springframework.stereotype.Component;

/** What a key's scopes and allowed models may be. */
@Component
class KeyRules {

    static final int MAX_ALLOWED_MODELS = 1000;

    private final ModelRepository models;
    private final RouteRepository routes;
    private final AgentRepository agents;
    private final ToolRepository tools;
    private final McpServerRepository mcpServers;

    KeyRules(ModelRepository models, RouteRepository routes, AgentRepository agents, ToolRepository tools,
            McpServerRepository mcpServers) {
        this.tools = tools;
        this.mcpServers = mcpServers;
        this.models = models;
        this.routes = routes;
        this.agents = agents;
    }

    /** Wire names without duplicates; {@code null} means {@code inference}, an empty list is refused. */
    List<String> scopes(FieldErrors errors, List<String> values) {
        if (values == null) {
            return List.of(KeyScope.INFERENCE.wireName());
        }
        if (values.isEmpty()) {
            errors.add("scopes", "must name at least one of " + wireNames());
        }
        Set<String> result = new LinkedHashSet<>();
        for (int i = 0; i < values.size() && i < KeyScope.values().length * 4; i++) {
            try {
                result.add(KeyScope.fromWire(values.get(i)).wireName());
            } catch (IllegalArgumentException | NullPointerException e) {
                errors.add("scopes[" + i + "]", "must be one of " + wireNames());
            }
        }
        errors.maxItems("scopes", values, KeyScope.values().length * 4);
        return new ArrayList<>(result);
    }

    /**
     * {@code ["*"]} (every model and route), or existing model and route names without duplicates; an empty list
     * allows none. Agents are named {@code agent:<name>}, alone or next to {@code "*"}, which does not include them.
     * A key that may call models must say which: {@code null} is refused when {@code scopes} include
     * {@code inference}, and means none otherwise.
     */
    List<String> allowedModels(FieldErrors errors, List<String> values, List<String> scopes) {
        if (values == null) {
            if (scopes.contains(KeyScope.INFERENCE.wireName())) {
                errors.add("allowed_models", "is required for a key with the inference scope: list the model and "
                        + "route names it may call, or [\"*\"] for every one");
            }
            return List.of();
        }
        errors.maxItems("allowed_models", values, MAX_ALLOWED_MODELS);
        boolean all = values.contains(ApiKeyRecord.ALL_MODELS);
        if (all && values.stream().anyMatch(name -> !ApiKeyRecord.ALL_MODELS.equals(name)
                && !AgentConfig.isAgentModel(name) && !ToolGrants.isToolGrant(name))) {
            errors.add("allowed_models", "\"*\" allows every model and route and can be combined only with agents "
                    + "(agent:<name>) and tools (tool:<name>, mcp:<server>)");
            return List.of(ApiKeyRecord.ALL_MODELS);
        }
        List<String> named = values.stream().filter(Objects::nonNull).limit(MAX_ALLOWED_MODELS).toList();
        Set<String> known = new HashSet<>();
        known.add(ApiKeyRecord.ALL_MODELS);
        models.findByNameIn(named).stream().map(ModelEntity::getName).forEach(known::add);
        routes.findByNameIn(named).stream().map(RouteEntity::getName).forEach(known::add);
        List<String> agentNames = named.stream().filter(AgentConfig::isAgentModel)
                .map(name -> name.substring(AgentConfig.MODEL_PREFIX.length())).toList();
        agents.findByNameIn(agentNames).stream().map(AgentEntity::getName)
                .forEach(name -> known.add(AgentConfig.MODEL_PREFIX + name));
        named.stream().filter(ToolGrants::isToolGrant).filter(this::toolGrantExists).forEach(known::add);
        Set<String> result = new LinkedHashSet<>();
        for (int i = 0; i < values.size() && i < MAX_ALLOWED_MODELS; i++) {
            String name = values.get(i);
            if (ToolGrants.isToolGrant(name) && !known.contains(name)) {
                errors.add("allowed_models[" + i + "]", name.startsWith(ToolGrants.SERVER_PREFIX)
                        ? "no MCP server with this name" : "no tool instance with this name, and not "
                        + "<server>__<tool> of an MCP server (grant a whole server as mcp:<server>)");
                continue;
            }
            // A key may name routes and agents as well: clients send all three in the same "model" field.
            if (name == null || !known.contains(name)) {
                errors.add("allowed_models[" + i + "]", AgentConfig.isAgentModel(name) ? "no agent with this name"
                        : "no model or route with this name");
            } else {
                result.add(name);
            }
        }
        return new ArrayList<>(result);
    }

    /** A tool instance, an MCP server, or a well-formed tool of an MCP server that exists. */
    private boolean toolGrantExists(String entry) {
        if (entry.startsWith(ToolGrants.SERVER_PREFIX)) {
            return mcpServers.existsByName(entry.substring(ToolGrants.SERVER_PREFIX.length()));
        }
        String tool = entry.substring(ToolGrants.TOOL_PREFIX.length());
        if (tools.existsByName(tool)) {
            return true;
        }
        String server = McpToolNames.serverOf(tool);
        return server != null && McpToolNames.isToolName(tool) && !tool.endsWith(McpToolNames.SEPARATOR
                + McpToolNames.WHOLE_SERVER) && mcpServers.existsByName(server);
    }

    /**
     * Refuses an agent the grantor may not use itself. {@link KeyGrantor#checkGrant} lets a grantor holding
     * {@code "*"} give any name; an agent needs to be named in the grantor's own list, as it does to be used.
     *
     * @throws RegistryForbiddenException naming {@code allowed_models}
     */
    static void checkAgentGrant(KeyGrantor grantor, List<String> wanted) {
        if (grantor.scopes().contains(KeyScope.ADMIN)) {
            return;
        }
        for (String name : wanted) {
            boolean agent = AgentConfig.isAgentModel(name) && !ApiKeyRecord.allows(grantor.allowedModels(), name);
            boolean tool = ToolGrants.isToolGrant(name)
                    && !ToolGrants.covers(Set.copyOf(grantor.allowedModels()), name);
            if (agent || tool) {
                throw new RegistryForbiddenException("allowed_models", "A key cannot be given '" + name
                        + "' by a caller that may not use it");
            }
        }
    }

    private static List<String> wireNames() {
        return Arrays.stream(KeyScope.values()).map(KeyScope::wireName).toList();
    }
}
