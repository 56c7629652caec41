package ai.switchboard.gateway.ratelimit;

import ai.switchboard.observability.RateLimitMetrics;
import ai.switchboard.registry.snapshot.RegistrySnapshotManager;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Rate limits: the shared limiter, its lease threads, the two pipeline stages and the return of leases on stop. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RateLimitProperties.class)
class RateLimitConfiguration {

    /**
     * The lease threads. Their queue needs no bound of its own: each counter has at most one lease in flight, so it
     * holds at most one task per limit, plus the periodic clean-up.
     */
    @Bean(destroyMethod = "shutdownNow")
    ScheduledThreadPoolExecutor rateLimitLeaseExecutor(RateLimitProperties properties) {
        AtomicInteger sequence = new AtomicInteger();
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(properties.leaseThreads(), task -> {
            Thread thread = new Thread(task, "rate-limit-lease-" + sequence.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        executor.setRemoveOnCancelPolicy(true);
        return executor;
    }

    @Bean
    SharedRateLimiter sharedRateLimiter(DataSource dataSource, ScheduledThreadPoolExecutor rateLimitLeaseExecutor,
            Clock clock, RateLimitProperties properties) {
        int timeoutSeconds = (int) Math.max(1, (properties.leaseTimeout().toMillis() + 999) / 1000);
        SharedRateLimiter limiter = new SharedRateLimiter(new JdbcLeaseStore(dataSource, timeoutSeconds),
                rateLimitLeaseExecutor, clock, properties);
        long every = Math.max(properties.window().toMillis(), 30_000);
        rateLimitLeaseExecutor.scheduleWithFixedDelay(limiter::cleanUp, every, every, TimeUnit.MILLISECONDS);
        return limiter;
    }

    /** Refusals by kind and dimension; leases asked of the database and those that failed, from the limiter. */
    @Bean
    RateLimitMetrics rateLimitMetrics(MeterRegistry registry, SharedRateLimiter limiter) {
        FunctionCounter.builder(RateLimitMetrics.LEASES, limiter, SharedRateLimiter::leases)
                .description("Rate-limit leases asked of the database").register(registry);
        FunctionCounter.builder(RateLimitMetrics.LEASE_FAILURES, limiter, SharedRateLimiter::storeFailures)
                .description("Rate-limit leases that failed (database unreachable or too slow)").register(registry);
        return new RateLimitMetrics(registry);
    }

    @Bean
    RateLimitStages rateLimitStages(SharedRateLimiter limiter, RegistrySnapshotManager snapshots,
            RateLimitMetrics metrics, RateLimitProperties properties) {
        return new RateLimitStages(
                new RateLimitStage(RateLimitStage.Scope.CALLER, limiter, snapshots, metrics, properties.leaseTimeout()),
                new RateLimitStage(RateLimitStage.Scope.MODEL, limiter, snapshots, metrics, properties.leaseTimeout()));
    }

    @Bean
    RateLimitLeaseReturn rateLimitLeaseReturn(SharedRateLimiter limiter) {
        return new RateLimitLeaseReturn(limiter);
    }
}
