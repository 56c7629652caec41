package ai.switchboard.registry.schedule;

import ai.switchboard.registry.AgentConfig;
import ai.switchboard.registry.ApiKeyRecord;
import ai.switchboard.registry.admin.ColumnLimits;
import ai.switchboard.registry.admin.DatabaseErrors;
import ai.switchboard.registry.admin.FieldErrors;
import ai.switchboard.registry.admin.IdOrName;
import ai.switchboard.registry.admin.RegistryConflictException;
import ai.switchboard.registry.admin.RegistryNotFoundException;
import ai.switchboard.registry.admin.StorableJson;
import ai.switchboard.registry.agent.AgentRepository;
import ai.switchboard.registry.key.ApiKeyEntity;
import ai.switchboard.registry.key.ApiKeyRepository;
import ai.switchboard.registry.snapshot.RegistryChangeRecorder;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Creates, reads, changes and deletes agent schedules. Blocking (JPA): call it on the {@code registryScheduler}. A
 * schedule is checked as a whole on every write: its agent exists, its key is live and names the agent, its cron
 * expression parses and fires at most once a minute, its input is a chat request without a model. Every write that
 * touches the cron or enablement sets when it fires next, from now. Changes are audited.
 */
@Service
@Transactional
public class AgentScheduleAdminService {

    /** The entity type in audit rows and error messages. */
    public static final String ENTITY = "agent_schedule";

    private static final JsonMapper JSON = JsonMapper.shared();

    private final AgentScheduleRepository schedules;
    private final AgentRepository agents;
    private final ApiKeyRepository keys;
    private final RegistryChangeRecorder changes;
    private final Clock clock;

    public AgentScheduleAdminService(AgentScheduleRepository schedules, AgentRepository agents, ApiKeyRepository keys,
            RegistryChangeRecorder changes, ObjectProvider<Clock> clock) {
        this.schedules = schedules;
        this.agents = agents;
        this.keys = keys;
        this.changes = changes;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    public AgentScheduleView create(AgentScheduleCommand command, String actor) {
        FieldErrors errors = new FieldErrors().required("name", command.name()).required("agent", command.agent())
                .required("cron", command.cron()).required("input", command.input())
                .required("run_as", command.runAs());
        AgentScheduleRules.check(errors, command);
        Map<String, Object> input = input(errors, command.input());
        references(errors, command.agent(), command.runAs());
        errors.throwIfAny();
        if (schedules.existsByName(command.name())) {
            throw duplicate(command.name());
        }
        Instant now = clock.instant();
        AgentScheduleEntity schedule = new AgentScheduleEntity(UUID.randomUUID(), command.name(), now);
        schedule.setAgent(command.agent());
        schedule.setCron(command.cron());
        schedule.setInput(input);
        schedule.setRunAs(command.runAs());
        schedule.setEnabled(!Boolean.FALSE.equals(command.enabled()));
        schedule.setNextFireAt(schedule.isEnabled() ? AgentScheduleRules.next(schedule.getCron(), now) : null);
        save(schedule);
        changes.recordChange(actor, "create", ENTITY, schedule.getId(), schedule.getName(), null, state(schedule),
                now);
        return AgentScheduleView.of(schedule);
    }

    @Transactional(readOnly = true)
    public List<AgentScheduleView> list() {
        return schedules.findAllByOrderByNameAsc().stream().map(AgentScheduleView::of).toList();
    }

    @Transactional(readOnly = true)
    public AgentScheduleView get(String idOrName) {
        return AgentScheduleView.of(find(idOrName));
    }

    public AgentScheduleView update(String idOrName, AgentScheduleCommand command, String actor) {
        AgentScheduleEntity schedule = find(idOrName);
        FieldErrors errors = new FieldErrors();
        AgentScheduleRules.check(errors, command);
        Map<String, Object> input = command.input() == null ? null : input(errors, command.input());
        String agent = command.agent() == null ? schedule.getAgent() : command.agent();
        String runAs = command.runAs() == null ? schedule.getRunAs() : command.runAs();
        if (command.agent() != null || command.runAs() != null) {
            references(errors, agent, runAs);
        }
        errors.throwIfAny();
        String name = command.name() == null ? schedule.getName() : command.name();
        if (!name.equals(schedule.getName()) && schedules.existsByName(name)) {
            throw duplicate(name);
        }
        Map<String, Object> before = state(schedule);
        schedule.setName(name);
        schedule.setAgent(agent);
        schedule.setRunAs(runAs);
        if (input != null) {
            schedule.setInput(input);
        }
        boolean timing = command.cron() != null && !command.cron().equals(schedule.getCron())
                || command.enabled() != null && command.enabled() != schedule.isEnabled();
        if (command.cron() != null) {
            schedule.setCron(command.cron());
        }
        if (command.enabled() != null) {
            schedule.setEnabled(command.enabled());
        }
        Map<String, Object> after = state(schedule);
        if (StorableJson.same(JSON.valueToTree(after), JSON.valueToTree(before))) {
            return AgentScheduleView.of(schedule);
        }
        Instant now = clock.instant();
        if (timing) {
            schedule.setNextFireAt(schedule.isEnabled() ? AgentScheduleRules.next(schedule.getCron(), now) : null);
        }
        schedule.touch(now);
        save(schedule);
        changes.recordChange(actor, "update", ENTITY, schedule.getId(), schedule.getName(), before, after, now);
        return AgentScheduleView.of(schedule);
    }

    public void delete(String idOrName, String actor) {
        AgentScheduleEntity schedule = find(idOrName);
        Map<String, Object> before = state(schedule);
        schedules.delete(schedule);
        schedules.flush();
        changes.recordChange(actor, "delete", ENTITY, schedule.getId(), schedule.getName(), before, null,
                clock.instant());
    }

    /** The agent exists, and the key is live and names it (a key may use an agent only by name). */
    private void references(FieldErrors errors, String agent, String runAs) {
        if (agent != null && !agents.existsByName(agent)) {
            errors.add("agent", "no agent named '" + agent + "'");
        }
        if (runAs == null) {
            return;
        }
        ApiKeyEntity key = keys.findByNameOrderByCreatedAtDesc(runAs).stream().filter(k -> !k.isRevoked())
                .findFirst().orElse(null);
        if (key == null) {
            errors.add("run_as", "no live key named '" + runAs + "'");
        } else if (agent != null
                && !ApiKeyRecord.allows(Set.copyOf(key.getAllowedModels()), AgentConfig.MODEL_PREFIX + agent)) {
            errors.add("run_as", "the key '" + runAs + "' may not use 'agent:" + agent + "'; add it to the key's "
                    + "allowed_models");
        }
    }

    /** The input to store; a non-object was already refused by the rules. */
    private static Map<String, Object> input(FieldErrors errors, JsonNode input) {
        return input == null || !input.isObject() ? null
                : StorableJson.object(errors, "input", input, AgentScheduleRules.MAX_INPUT_CHARS);
    }

    private AgentScheduleEntity find(String idOrName) {
        UUID id = IdOrName.asUuid(idOrName);
        return (id != null ? schedules.findById(id) : schedules.findByName(idOrName))
                .orElseThrow(() -> new RegistryNotFoundException(ENTITY, idOrName));
    }

    private void save(AgentScheduleEntity schedule) {
        ColumnLimits.check(schedule);
        try {
            schedules.saveAndFlush(schedule);
        } catch (DataAccessException e) {
            throw DatabaseErrors.translate(e, ENTITY, schedule.getName(), schedule);
        }
    }

    private static RegistryConflictException duplicate(String name) {
        return new RegistryConflictException("An agent schedule named '" + name + "' already exists", "name");
    }

    /** Everything a write can change, as the audit trail records it. */
    private static Map<String, Object> state(AgentScheduleEntity s) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("agent", s.getAgent());
        fields.put("cron", s.getCron());
        fields.put("input", s.getInput());
        fields.put("run_as", s.getRunAs());
        fields.put("enabled", s.isEnabled());
        return RegistryChangeRecorder.state(s.getName(), fields);
    }
}
