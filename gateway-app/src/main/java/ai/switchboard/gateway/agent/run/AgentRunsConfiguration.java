package ai.switchboard.gateway.agent.run;

import ai.switchboard.gateway.agent.AgentRunner;
import ai.switchboard.gateway.pipeline.RequestPipeline;
import java.time.Clock;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/** Stored agent runs: the service the runs API calls, its scheduler, and the upkeep job. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AgentRunsProperties.class)
public class AgentRunsConfiguration {

    /** The name of the scheduler that runs the runs' SQL. */
    public static final String SCHEDULER = "agentRunsScheduler";

    @Bean(name = SCHEDULER, destroyMethod = "dispose")
    Scheduler agentRunsScheduler(AgentRunsProperties properties) {
        return Schedulers.newBoundedElastic(properties.getThreads(), properties.getQueueSize(), "agent-runs");
    }

    @Bean
    JdbcAgentRuns jdbcAgentRuns(DataSource dataSource) {
        return new JdbcAgentRuns(new JdbcTemplate(dataSource));
    }

    /** The replica name is new on every start: a restarted gateway's old runs are another replica's, found stale. */
    @Bean
    AgentRuns agentRuns(JdbcAgentRuns jdbc, @Qualifier(SCHEDULER) Scheduler scheduler, RequestPipeline pipeline,
            AgentRunner runner, ObjectProvider<Clock> clock, AgentRunsProperties properties) {
        return new AgentRuns(jdbc, scheduler, pipeline, runner, clock.getIfAvailable(Clock::systemUTC), properties,
                UUID.randomUUID().toString());
    }

    @Bean
    AgentRunSweeper agentRunSweeper(JdbcAgentRuns jdbc, AgentRuns runs, ObjectProvider<Clock> clock,
            AgentRunsProperties properties) {
        return new AgentRunSweeper(jdbc, runs, clock.getIfAvailable(Clock::systemUTC), properties);
    }
}
