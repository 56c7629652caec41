package ai.switchboard.gateway.agent.schedule;

import ai.switchboard.gateway.agent.run.AgentRuns;
import ai.switchboard.registry.snapshot.RegistrySnapshotManager;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** Agent schedules: the claim SQL, the firing, and the ticker of this replica. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AgentSchedulesProperties.class)
public class AgentSchedulesConfiguration {

    @Bean
    JdbcAgentSchedules jdbcAgentSchedules(DataSource dataSource) {
        return new JdbcAgentSchedules(new JdbcTemplate(dataSource));
    }

    @Bean
    ScheduledRuns scheduledRuns(AgentRuns runs, RegistrySnapshotManager snapshots, ObjectProvider<Clock> clock) {
        return new ScheduledRuns(runs, snapshots, clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    AgentScheduleTicker agentScheduleTicker(JdbcAgentSchedules jdbc, ScheduledRuns firing,
            ObjectProvider<Clock> clock, AgentSchedulesProperties properties) {
        return new AgentScheduleTicker(jdbc, firing, clock.getIfAvailable(Clock::systemUTC), properties);
    }
}
