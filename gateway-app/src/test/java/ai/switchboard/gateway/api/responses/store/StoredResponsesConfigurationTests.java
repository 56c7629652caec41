package ai.switchboard.gateway.api.responses.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import reactor.core.scheduler.Scheduler;

class StoredResponsesConfigurationTests {

    private final ApplicationContextRunner contexts = new ApplicationContextRunner()
            .withUserConfiguration(StoredResponsesConfiguration.class)
            // A wrapper without close(): closing a context must not close the pool other tests share.
            .withBean(DataSource.class, () -> new DelegatingDataSource(StoreDatabase.pool()))
            .withBean(Clock.class, Clock::systemUTC);

    @Test
    void wiresTheStoreOnItsOwnSchedulerAndStartsTheRetentionJob() {
        contexts.withPropertyValues("switchboard.responses.store.retention=7d",
                        "switchboard.responses.store.threads=2")
                .run(context -> {
                    assertThat(context).hasSingleBean(StoredResponses.class);
                    assertThat(context.getBean(StoredResponsesProperties.class).getRetention().toDays()).isEqualTo(7);
                    assertThat(context.getBean(StoredResponseCleanup.class).isRunning()).isTrue();
                    Scheduler scheduler = context.getBean(StoredResponsesConfiguration.SCHEDULER, Scheduler.class);
                    assertThat(scheduler.isDisposed()).isFalse();
                });
    }

    @Test
    void refusesSettingsOutsideTheirRange() {
        contexts.withPropertyValues("switchboard.responses.store.cleanup-batch-size=0")
                .run(context -> assertThat(context).hasFailed());
    }
}
