package ai.switchboard.registry.agent;

import ai.switchboard.registry.admin.ColumnLimits;
import ai.switchboard.registry.admin.DatabaseErrors;
import ai.switchboard.registry.admin.FieldErrors;
import ai.switchboard.registry.admin.IdOrName;
import ai.switchboard.registry.admin.RegistryConflictException;
import ai.switchboard.registry.admin.RegistryNotFoundException;
import ai.switchboard.registry.admin.StorableJson;
import ai.switchboard.registry.model.ModelRepository;
import ai.switchboard.registry.prompt.PromptReferenceCheck;
import ai.switchboard.registry.route.RouteRepository;
import ai.switchboard.registry.snapshot.RegistryChangeRecorder;
import ai.switchboard.registry.tool.ToolEntity;
import ai.switchboard.registry.mcp.McpServerRepository;
import ai.switchboard.registry.mcp.McpToolNames;
import ai.switchboard.registry.tool.ToolRepository;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Creates, reads, changes and deletes agents. Blocking (JPA): call it on the {@code registryScheduler}. An agent is
 * checked as a whole on every write: its model or route exists, every tool it is granted exists (none is granted by
 * default), its limits are sane and its answer schema is a JSON Schema the gateway can apply. Changes are audited
 * and live when the method returns; a write that changes nothing records and bumps nothing.
 */
@Service
@Transactional
public class AgentAdminService {

    /** The entity type in audit rows and error messages. */
    public static final String ENTITY = "agent";

    /** The optional fields a PATCH may remove. */
    public static final Set<String> CLEARABLE = Set.of("description", "instructions", "max_cost_usd",
            "response_format");

    private static final JsonMapper JSON = JsonMapper.shared();

    private static final JsonSchemaInspector NO_SCHEMAS = (field, schema, errors) ->
            errors.add(field, "cannot be checked: no JSON Schema validator is available in this application");

    private final AgentRepository agents;
    private final ModelRepository models;
    private final RouteRepository routes;
    private final ToolRepository tools;
    private final JsonSchemaInspector schemas;
    private final RegistryChangeRecorder changes;
    private final PromptReferenceCheck promptCheck;
    private final McpServerRepository mcpServers;

    /**
     * The schema inspector comes from the application, which has the JSON Schema library; without one (a
     * registry-only context) an agent with a {@code response_format} is rejected.
     */
    public AgentAdminService(AgentRepository agents, ModelRepository models, RouteRepository routes,
            ToolRepository tools, ObjectProvider<JsonSchemaInspector> schemas, RegistryChangeRecorder changes,
            PromptReferenceCheck promptCheck, McpServerRepository mcpServers) {
        this.promptCheck = promptCheck;
        this.mcpServers = mcpServers;
        this.agents = agents;
        this.models = models;
        this.routes = routes;
        this.tools = tools;
        this.schemas = schemas.getIfAvailable(() -> NO_SCHEMAS);
        this.changes = changes;
    }

    public AgentView create(AgentCommand command, String actor) {
        FieldErrors errors = new FieldErrors().required("name", command.name()).required("model", command.model());
        AgentRules.check(errors, command);
        AgentRules.Instructions instructions = AgentRules.instructions(errors, command.instructions());
        checkPrompt(errors, instructions);
        Map<String, Object> responseFormat = responseFormat(errors, command.responseFormat());
        checkModel(errors, command.model());
        List<String> granted = command.tools() == null ? List.of() : granted(errors, command.tools());
        errors.throwIfAny();
        if (agents.existsByName(command.name())) {
            throw duplicate(command.name());
        }
        Instant now = Instant.now();
        AgentEntity agent = new AgentEntity(UUID.randomUUID(), command.name(), now);
        agent.setDescription(command.description());
        agent.setModel(command.model());
        agent.setInstructions(instructions == null ? null : instructions.text());
        agent.setInstructionsPrompt(instructions == null ? null : instructions.prompt());
        agent.setTools(granted);
        agent.setMaxSteps(or(command.maxSteps(), AgentRules.DEFAULT_MAX_STEPS));
        agent.setMaxCostUsd(command.maxCostUsd());
        agent.setTimeoutSeconds(or(command.timeoutSeconds(), AgentRules.DEFAULT_TIMEOUT_SECONDS));
        agent.setParallelToolCalls(Boolean.TRUE.equals(command.parallelToolCalls()));
        agent.setResponseFormat(responseFormat);
        save(agent);
        changes.recordChange(actor, "create", ENTITY, agent.getId(), agent.getName(), null, state(agent), now);
        return AgentView.of(agent);
    }

    @Transactional(readOnly = true)
    public List<AgentView> list() {
        return agents.findAllByOrderByNameAsc().stream().map(AgentView::of).toList();
    }

    @Transactional(readOnly = true)
    public AgentView get(String idOrName) {
        return AgentView.of(find(idOrName));
    }

    /** Changes the given fields and removes the cleared ones; a change to nothing records and bumps nothing. */
    public AgentView update(String idOrName, AgentCommand command, String actor) {
        AgentEntity agent = find(idOrName);
        FieldErrors errors = new FieldErrors();
        AgentRules.check(errors, command);
        command.clear().stream().filter(field -> !CLEARABLE.contains(field))
                .forEach(field -> errors.add(field, "cannot be removed"));
        AgentRules.Instructions instructions = AgentRules.instructions(errors, command.instructions());
        checkPrompt(errors, instructions);
        Map<String, Object> responseFormat = command.responseFormat() == null ? null
                : responseFormat(errors, command.responseFormat());
        if (command.model() != null && !command.model().equals(agent.getModel())) {
            checkModel(errors, command.model());
        }
        List<String> granted = command.tools() == null ? null : granted(errors, command.tools());
        errors.throwIfAny();
        String name = command.name() == null ? agent.getName() : command.name();
        if (!name.equals(agent.getName()) && agents.existsByName(name)) {
            throw duplicate(name);
        }
        Map<String, Object> before = state(agent);
        agent.setName(name);
        agent.setDescription(next(command, "description", command.description(), agent.getDescription()));
        agent.setModel(or(command.model(), agent.getModel()));
        if (command.clear().contains("instructions")) {
            agent.setInstructions(null);
            agent.setInstructionsPrompt(null);
        } else if (instructions != null) {
            agent.setInstructions(instructions.text());
            agent.setInstructionsPrompt(instructions.prompt());
        }
        if (granted != null) {
            agent.setTools(granted);
        }
        agent.setMaxSteps(or(command.maxSteps(), agent.getMaxSteps()));
        BigDecimal cost = next(command, "max_cost_usd", command.maxCostUsd(), agent.getMaxCostUsd());
        if (cost == null || agent.getMaxCostUsd() == null || cost.compareTo(agent.getMaxCostUsd()) != 0) {
            agent.setMaxCostUsd(cost);
        }
        agent.setTimeoutSeconds(or(command.timeoutSeconds(), agent.getTimeoutSeconds()));
        agent.setParallelToolCalls(or(command.parallelToolCalls(), agent.isParallelToolCalls()));
        agent.setResponseFormat(next(command, "response_format", responseFormat, agent.getResponseFormat()));
        Map<String, Object> after = state(agent);
        if (StorableJson.same(JSON.valueToTree(after), JSON.valueToTree(before))) {
            return AgentView.of(agent);
        }
        Instant now = Instant.now();
        agent.touch(now);
        save(agent);
        changes.recordChange(actor, "update", ENTITY, agent.getId(), agent.getName(), before, after, now);
        return AgentView.of(agent);
    }

    public void delete(String idOrName, String actor) {
        AgentEntity agent = find(idOrName);
        Map<String, Object> before = state(agent);
        agents.delete(agent);
        agents.flush();
        changes.recordChange(actor, "delete", ENTITY, agent.getId(), agent.getName(), before, null, Instant.now());
    }

    /** Clients name models and routes in the same field, so the agent's planner may be either. */
    private void checkModel(FieldErrors errors, String model) {
        if (model != null && !models.existsByName(model) && !routes.existsByName(model)) {
            errors.add("model", "no model or route named '" + model + "'");
        }
    }

    /** A referenced prompt must exist and have the label or version named (the production label when neither). */
    private void checkPrompt(FieldErrors errors, AgentRules.Instructions instructions) {
        if (instructions != null && instructions.prompt() != null) {
            promptCheck.check(errors, "instructions", instructions.prompt());
        }
    }

    /** The granted tools without repeats, each an existing tool. */
    private List<String> granted(FieldErrors errors, List<String> names) {
        List<String> wanted = names.stream().filter(Objects::nonNull).limit(AgentRules.MAX_TOOLS).toList();
        Set<String> known = new HashSet<>();
        tools.findByNameIn(wanted).stream().map(ToolEntity::getName).forEach(known::add);
        Set<String> granted = new LinkedHashSet<>();
        for (int i = 0; i < names.size() && i < AgentRules.MAX_TOOLS; i++) {
            String name = names.get(i);
            String server = name == null ? null : McpToolNames.serverOf(name);
            if (name != null && !name.isEmpty() && !known.contains(name) && server != null) {
                if (!McpToolNames.isToolName(name)) {
                    errors.add("tools[" + i + "]", "must be <server>__<tool> or <server>__*");
                } else if (!mcpServers.existsByName(server)) {
                    errors.add("tools[" + i + "]", "no MCP server named '" + server + "'");
                } else {
                    granted.add(name);
                }
            } else if (name != null && !name.isEmpty() && !known.contains(name)) {
                errors.add("tools[" + i + "]", "no tool named '" + name + "'");
            } else if (name != null) {
                granted.add(name);
            }
        }
        return new ArrayList<>(granted);
    }

    private Map<String, Object> responseFormat(FieldErrors errors, JsonNode schema) {
        if (schema == null) {
            return null;
        }
        FieldErrors own = new FieldErrors();
        Map<String, Object> stored = StorableJson.object(own, "response_format", schema,
                AgentRules.MAX_RESPONSE_FORMAT_CHARS);
        if (own.isEmpty()) {
            schemas.inspect("response_format", schema, own);
        }
        errors.addAll(own);
        return stored;
    }

    private AgentEntity find(String idOrName) {
        UUID id = IdOrName.asUuid(idOrName);
        return (id != null ? agents.findById(id) : agents.findByName(idOrName))
                .orElseThrow(() -> new RegistryNotFoundException(ENTITY, idOrName));
    }

    private void save(AgentEntity agent) {
        ColumnLimits.check(agent);
        try {
            agents.saveAndFlush(agent);
        } catch (DataAccessException e) {
            throw DatabaseErrors.translate(e, ENTITY, agent.getName(), agent);
        }
    }

    private static <T> T next(AgentCommand command, String field, T given, T stored) {
        return command.clear().contains(field) ? null : given != null ? given : stored;
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }

    private static RegistryConflictException duplicate(String name) {
        return new RegistryConflictException("An agent named '" + name + "' already exists", "name");
    }

    /** Everything a write can change, as the audit trail records it. */
    private static Map<String, Object> state(AgentEntity a) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("description", a.getDescription());
        fields.put("model", a.getModel());
        fields.put("instructions", a.getInstructions());
        if (a.getInstructionsPrompt() != null) {
            fields.put("instructions_prompt", AgentView.reference(a.getInstructionsPrompt()));
        }
        fields.put("tools", List.copyOf(a.getTools()));
        fields.put("max_steps", a.getMaxSteps());
        BigDecimal cost = AgentRules.plain(a.getMaxCostUsd());
        fields.put("max_cost_usd", cost == null ? null : cost.toPlainString());
        fields.put("timeout_seconds", a.getTimeoutSeconds());
        fields.put("parallel_tool_calls", a.isParallelToolCalls());
        fields.put("response_format", a.getResponseFormat());
        return RegistryChangeRecorder.state(a.getName(), fields);
    }
}
