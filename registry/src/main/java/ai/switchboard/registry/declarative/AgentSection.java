package ai.switchboard.registry.declarative;

import ai.switchboard.registry.admin.RegistryConflictException;
import ai.switchboard.registry.admin.RegistryNotFoundException;
import ai.switchboard.registry.admin.RegistryValidationException;
import ai.switchboard.registry.admin.StorableJson;
import ai.switchboard.registry.agent.AgentAdminService;
import ai.switchboard.registry.agent.AgentCommand;
import ai.switchboard.registry.agent.AgentRepository;
import ai.switchboard.registry.agent.AgentView;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * {@code agents:} — matched by name, after models, routes and tools (an agent names them) and before keys (a key's
 * allow-list names agents). Each entry is written through the admin service, so it is validated exactly as an admin
 * API write is.
 */
@Component
class AgentSection implements DeclarativeSection {

    private static final AgentCommand NO_CHANGE = new AgentCommand(null, null, null, null, null, null, null, null,
            null, null, Set.of());

    private final AgentRepository agents;
    private final AgentAdminService service;

    AgentSection(AgentRepository agents, AgentAdminService service) {
        this.agents = agents;
        this.service = service;
    }

    @Override
    public String key() {
        return "agents";
    }

    @Override
    public int order() {
        return 350;
    }

    @Override
    public SectionResult apply(List<JsonNode> entries, ApplyContext context) {
        SectionResult result = SectionResult.none();
        for (int i = 0; i < entries.size(); i++) {
            String path = key() + "[" + i + "]";
            AgentEntry entry = context.bind(entries.get(i), path, AgentEntry.class, AgentEntry.FIELDS, Set.of());
            if (entry == null) {
                continue;
            }
            try {
                result = result.plus(upsert(entry, context.actor()));
            } catch (RegistryValidationException e) {
                context.errors(path, e);
            } catch (RegistryConflictException | RegistryNotFoundException e) {
                context.error(path, e.getMessage());
            }
        }
        return result;
    }

    private SectionResult upsert(AgentEntry e, String actor) {
        if (e.name() == null || !agents.existsByName(e.name())) {
            service.create(new AgentCommand(e.name(), e.description(), e.model(), e.instructions(), e.tools(),
                    e.maxSteps(), e.maxCostUsd(), e.timeoutSeconds(), e.parallelToolCalls(), e.responseFormat(),
                    Set.of()), actor);
            return SectionResult.ofCreated();
        }
        // Only what differs is written (and validated again): an export applies as-is even where the JSON Schema
        // library is not at hand, as in a registry without the tools module.
        AgentView a = service.get(e.name());
        AgentCommand update = new AgentCommand(null,
                differs(e.description(), a.description()),
                differs(e.model(), a.model()),
                e.instructions() == null || a.instructions() != null
                        && StorableJson.same(e.instructions(), a.instructions()) ? null : e.instructions(),
                differs(e.tools(), a.tools()),
                differs(e.maxSteps(), a.maxSteps()),
                e.maxCostUsd() == null || a.maxCostUsd() != null && e.maxCostUsd().compareTo(a.maxCostUsd()) == 0
                        ? null : e.maxCostUsd(),
                differs(e.timeoutSeconds(), a.timeoutSeconds()),
                differs(e.parallelToolCalls(), a.parallelToolCalls()),
                e.responseFormat() == null || a.responseFormat() != null
                        && StorableJson.same(e.responseFormat(), a.responseFormat()) ? null : e.responseFormat(),
                Set.of());
        if (update.equals(NO_CHANGE)) {
            return SectionResult.ofUnchanged();
        }
        service.update(a.name(), update, actor);
        return SectionResult.ofUpdated();
    }

    private static <T> T differs(T wanted, T current) {
        return wanted == null || Objects.equals(wanted, current) ? null : wanted;
    }

    @Override
    public List<AgentEntry> export() {
        return service.list().stream().map(a -> new AgentEntry(a.name(), a.description(), a.model(),
                a.instructions(), a.tools(),
                a.maxSteps(), a.maxCostUsd(), a.timeoutSeconds(), a.parallelToolCalls(), a.responseFormat()))
                .toList();
    }

    @Override
    public String historyType() {
        return AgentAdminService.ENTITY;
    }
}
