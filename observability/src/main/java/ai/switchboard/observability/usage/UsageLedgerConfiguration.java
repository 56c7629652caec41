package ai.switchboard.observability.usage;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** The usage ledger: the batch writer the request path records into, partition upkeep and the usage queries. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(UsageLedgerProperties.class)
public class UsageLedgerConfiguration {

    @Bean
    UsageRecorder usageRecorder(DataSource dataSource, UsageLedgerProperties properties, MeterRegistry meters) {
        if (!properties.isEnabled()) {
            return UsageRecorder.discarding();
        }
        return new BatchingUsageRecorder(new JdbcUsageLedger(dataSource), properties, meters);
    }

    @Bean
    @ConditionalOnProperty(prefix = UsageLedgerProperties.PREFIX, name = "enabled", matchIfMissing = true)
    UsagePartitionMaintenance usagePartitionMaintenance(DataSource dataSource, ObjectProvider<Clock> clock,
            UsageLedgerProperties properties) {
        return new UsagePartitionMaintenance(new JdbcTemplate(dataSource), clock.getIfAvailable(Clock::systemUTC),
                properties);
    }

    @Bean
    UsageQueries usageQueries(DataSource dataSource) {
        return new UsageQueries(new JdbcTemplate(dataSource));
    }
}
