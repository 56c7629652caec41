package ai.switchboard.gateway.shutdown;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The order in which the gateway stops on SIGTERM, phase by phase (a higher phase stops first):
 * <ol>
 * <li>{@link DrainPhase#beginning}: responses start closing their connections;</li>
 * <li>the web server's graceful shutdown: the listener closes, requests and streams in flight finish (bounded by
 *     {@code SWITCHBOARD_SHUTDOWN_TIMEOUT}), then the web server stops;</li>
 * <li>{@link DrainPhase#ending}: new requests are refused and the last ones that came in on a busy connection
 *     finish;</li>
 * <li>rate limits give back the allowance this replica leased and did not spend, for the other replicas to use in
 *     the current window ({@code RateLimitLeaseReturn});</li>
 * <li>budgets hand back every unused lease and write their last settlements ({@code BudgetLifecycle}), now that
 *     the last requests have settled;</li>
 * <li>the usage ledger writes out its queue ({@code BatchingUsageRecorder});</li>
 * <li>the registry's listener and refresh stop ({@code RegistryLifecycle});</li>
 * <li>beans are destroyed: the connection pool closes after every bean that uses it, and the embedded PostgreSQL,
 *     which the pool depends on, stops last.</li>
 * </ol>
 */
@Configuration(proxyBeanMethods = false)
class ShutdownConfiguration {

    @Bean
    ServerDrain serverDrain() {
        return new ServerDrain();
    }

    @Bean
    DrainFilter drainFilter(ServerDrain drain) {
        return new DrainFilter(drain);
    }

    @Bean
    DrainPhase drainBeginning(ServerDrain drain) {
        return DrainPhase.beginning(drain);
    }

    @Bean
    DrainPhase drainEnding(ServerDrain drain) {
        return DrainPhase.ending(drain);
    }
}
