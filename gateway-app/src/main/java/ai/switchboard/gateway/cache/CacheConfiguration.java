package ai.switchboard.gateway.cache;

import ai.switchboard.observability.CacheMetrics;
import ai.switchboard.routing.DeploymentResolver;
import ai.switchboard.routing.RouteEngine;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/** The response cache: its exact and semantic tiers, the threads of the shared ones, its metrics and its stages. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CacheProperties.class)
class CacheConfiguration {

    /** The shared tier's threads, with a bounded queue: beyond it a read is a miss and a write is dropped. */
    @Bean(destroyMethod = "dispose")
    Scheduler responseCacheScheduler(CacheProperties properties) {
        return Schedulers.newBoundedElastic(properties.sharedThreads(), properties.sharedQueue(), "response-cache",
                60, true);
    }

    @Bean
    CacheMetrics cacheMetrics(MeterRegistry registry) {
        return new CacheMetrics(registry);
    }

    @Bean
    ResponseCache responseCache(CacheProperties properties, DataSource dataSource, Scheduler responseCacheScheduler,
            Clock clock, CacheMetrics metrics) {
        int timeoutSeconds = (int) Math.max(1, (properties.sharedTimeout().toMillis() + 999) / 1000);
        SharedCacheStore shared = properties.shared() ? new JdbcSharedCacheStore(dataSource, timeoutSeconds) : null;
        ResponseCache cache = new ResponseCache(properties.localMaxSize().toBytes(), shared, responseCacheScheduler,
                clock, properties.sharedTimeout(), properties.sharedRetry(), metrics);
        long every = properties.cleanUpInterval().toMillis();
        responseCacheScheduler.schedulePeriodically(cache::cleanUp, every, every, TimeUnit.MILLISECONDS);
        return cache;
    }

    @Bean
    SemanticCache semanticCache(CacheProperties properties, DataSource dataSource, Scheduler responseCacheScheduler,
            Clock clock, CacheMetrics metrics) {
        int timeoutSeconds = (int) Math.max(1, (properties.sharedTimeout().toMillis() + 999) / 1000);
        SemanticStore shared = properties.shared() ? new JdbcSemanticStore(dataSource, timeoutSeconds) : null;
        SemanticCache cache = new SemanticCache(new SemanticIndex(properties.semanticMaxEntries()), shared,
                responseCacheScheduler, clock, properties.sharedTimeout(), properties.sharedRetry(), metrics);
        long every = properties.cleanUpInterval().toMillis();
        responseCacheScheduler.schedulePeriodically(cache::cleanUp, every, every, TimeUnit.MILLISECONDS);
        return cache;
    }

    @Bean
    SemanticStage semanticStage(SemanticCache cache, RouteEngine engine, DeploymentResolver resolver) {
        return new SemanticStage(cache, engine, resolver);
    }

    @Bean
    CacheStage cacheStage(ResponseCache cache, CacheMetrics metrics) {
        return new CacheStage(cache, metrics);
    }
}
