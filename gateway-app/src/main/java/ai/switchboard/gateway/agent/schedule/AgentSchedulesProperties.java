package ai.switchboard.gateway.agent.schedule;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** Settings of the agent schedule ticker ({@code /admin/v1/agent-schedules}). */
@Validated
@ConfigurationProperties(prefix = AgentSchedulesProperties.PREFIX)
public class AgentSchedulesProperties {

    public static final String PREFIX = "switchboard.agents.schedules";

    /** Whether this replica fires schedules at all (any replica that does competes fairly for each tick). */
    private boolean enabled = true;

    /** How often due schedules are looked for: the most a firing can be late. */
    @NotNull
    private Duration tickInterval = Duration.ofSeconds(5);

    /** Due schedules read per tick. */
    @Min(1)
    @Max(10_000)
    private int batchSize = 100;

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public Duration getTickInterval() {
        return tickInterval;
    }

    public void setTickInterval(Duration tickInterval) {
        this.tickInterval = tickInterval;
    }

    public int getBatchSize() {
        return batchSize;
    }

    public void setBatchSize(int batchSize) {
        this.batchSize = batchSize;
    }
}
