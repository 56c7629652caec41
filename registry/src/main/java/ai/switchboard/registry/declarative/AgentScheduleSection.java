package ai.switchboard.registry.declarative;

import ai.switchboard.registry.admin.RegistryConflictException;
import ai.switchboard.registry.admin.RegistryNotFoundException;
import ai.switchboard.registry.admin.RegistryValidationException;
import ai.switchboard.registry.admin.StorableJson;
import ai.switchboard.registry.schedule.AgentScheduleAdminService;
import ai.switchboard.registry.schedule.AgentScheduleCommand;
import ai.switchboard.registry.schedule.AgentScheduleRepository;
import ai.switchboard.registry.schedule.AgentScheduleView;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * {@code agent_schedules:} — matched by name, after agents and keys (a schedule names an agent and the key it runs
 * as). Each entry is written through the admin service, so it is validated exactly as an admin API write is.
 */
@Component
class AgentScheduleSection implements DeclarativeSection {

    private static final AgentScheduleCommand NO_CHANGE = new AgentScheduleCommand(null, null, null, null, null,
            null);

    private final AgentScheduleRepository schedules;
    private final AgentScheduleAdminService service;

    AgentScheduleSection(AgentScheduleRepository schedules, AgentScheduleAdminService service) {
        this.schedules = schedules;
        this.service = service;
    }

    @Override
    public String key() {
        return "agent_schedules";
    }

    @Override
    public int order() {
        return 450;
    }

    @Override
    public SectionResult apply(List<JsonNode> entries, ApplyContext context) {
        SectionResult result = SectionResult.none();
        for (int i = 0; i < entries.size(); i++) {
            String path = key() + "[" + i + "]";
            AgentScheduleEntry entry = context.bind(entries.get(i), path, AgentScheduleEntry.class,
                    AgentScheduleEntry.FIELDS, Set.of());
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

    private SectionResult upsert(AgentScheduleEntry e, String actor) {
        if (e.name() == null || !schedules.existsByName(e.name())) {
            service.create(new AgentScheduleCommand(e.name(), e.agent(), e.cron(), e.input(), e.runAs(), e.enabled()),
                    actor);
            return SectionResult.ofCreated();
        }
        AgentScheduleView s = service.get(e.name());
        AgentScheduleCommand update = new AgentScheduleCommand(null, differs(e.agent(), s.agent()),
                differs(e.cron(), s.cron()),
                e.input() == null || StorableJson.same(e.input(), s.input()) ? null : e.input(),
                differs(e.runAs(), s.runAs()), differs(e.enabled(), s.enabled()));
        if (update.equals(NO_CHANGE)) {
            return SectionResult.ofUnchanged();
        }
        service.update(s.name(), update, actor);
        return SectionResult.ofUpdated();
    }

    private static <T> T differs(T wanted, T current) {
        return wanted == null || Objects.equals(wanted, current) ? null : wanted;
    }

    @Override
    public List<AgentScheduleEntry> export() {
        return service.list().stream().map(s -> new AgentScheduleEntry(s.name(), s.agent(), s.cron(), s.input(),
                s.runAs(), s.enabled())).toList();
    }

    @Override
    public String historyType() {
        return AgentScheduleAdminService.ENTITY;
    }
}
