package ai.switchboard.registry.schedule;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A row of {@code agent_schedules}: an agent, when it runs, on what, as which key. The firing columns
 * ({@code last_*}) are the gateway's, written by SQL when a tick is claimed; this entity never writes them.
 */
@Entity
@Table(name = "agent_schedules")
public class AgentScheduleEntity {

    @Id
    private UUID id;

    @Column(nullable = false, unique = true, length = 128)
    private String name;

    @Column(nullable = false, length = 128)
    private String agent;

    @Column(nullable = false, length = 128)
    private String cron;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private Map<String, Object> input;

    @Column(name = "run_as", nullable = false, length = 128)
    private String runAs;

    @Column(nullable = false)
    private boolean enabled;

    @Column(name = "next_fire_at")
    private Instant nextFireAt;

    @Column(name = "last_fired_at", insertable = false, updatable = false)
    private Instant lastFiredAt;

    @Column(name = "last_run_id", insertable = false, updatable = false)
    private String lastRunId;

    @Column(name = "last_error", insertable = false, updatable = false)
    private String lastError;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected AgentScheduleEntity() {
    }

    public AgentScheduleEntity(UUID id, String name, Instant createdAt) {
        this.id = id;
        this.name = name;
        this.createdAt = createdAt;
        this.updatedAt = createdAt;
    }

    public UUID getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getAgent() {
        return agent;
    }

    public void setAgent(String agent) {
        this.agent = agent;
    }

    public String getCron() {
        return cron;
    }

    public void setCron(String cron) {
        this.cron = cron;
    }

    public Map<String, Object> getInput() {
        return input;
    }

    public void setInput(Map<String, Object> input) {
        this.input = input;
    }

    public String getRunAs() {
        return runAs;
    }

    public void setRunAs(String runAs) {
        this.runAs = runAs;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public Instant getNextFireAt() {
        return nextFireAt;
    }

    public void setNextFireAt(Instant nextFireAt) {
        this.nextFireAt = nextFireAt;
    }

    public Instant getLastFiredAt() {
        return lastFiredAt;
    }

    public String getLastRunId() {
        return lastRunId;
    }

    public String getLastError() {
        return lastError;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public void touch(Instant now) {
        this.updatedAt = now;
    }
}
