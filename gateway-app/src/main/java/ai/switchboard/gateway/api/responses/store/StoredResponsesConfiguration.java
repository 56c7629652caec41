package ai.switchboard.gateway.api.responses.store;

import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/** Stored responses: the service the Responses handler calls, its scheduler and the retention job. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StoredResponsesProperties.class)
public class StoredResponsesConfiguration {

    /** The name of the scheduler that runs stored-response SQL. */
    public static final String SCHEDULER = "storedResponsesScheduler";

    @Bean(name = SCHEDULER, destroyMethod = "dispose")
    Scheduler storedResponsesScheduler(StoredResponsesProperties properties) {
        return Schedulers.newBoundedElastic(properties.getThreads(), properties.getQueueSize(), "stored-responses");
    }

    @Bean
    JdbcStoredResponses jdbcStoredResponses(DataSource dataSource) {
        return new JdbcStoredResponses(new JdbcTemplate(dataSource),
                new TransactionTemplate(new DataSourceTransactionManager(dataSource)));
    }

    @Bean
    StoredResponses storedResponses(JdbcStoredResponses jdbc, @Qualifier(SCHEDULER) Scheduler scheduler,
            ObjectProvider<Clock> clock, StoredResponsesProperties properties) {
        return new StoredResponses(jdbc, scheduler, clock.getIfAvailable(Clock::systemUTC), properties);
    }

    @Bean
    StoredResponseCleanup storedResponseCleanup(JdbcStoredResponses jdbc, ObjectProvider<Clock> clock,
            StoredResponsesProperties properties) {
        return new StoredResponseCleanup(jdbc, clock.getIfAvailable(Clock::systemUTC), properties);
    }
}
