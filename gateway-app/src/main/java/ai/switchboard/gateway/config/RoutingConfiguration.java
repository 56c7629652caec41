package ai.switchboard.gateway.config;

import ai.switchboard.gateway.netty.EventLoopTimer;
import ai.switchboard.observability.GenAiObservations;
import ai.switchboard.observability.RoutingMetrics;
import ai.switchboard.providers.ProviderAdapters;
import ai.switchboard.routing.DeploymentResolver;
import ai.switchboard.routing.RouteEngine;
import ai.switchboard.routing.execution.AttemptObserver;
import ai.switchboard.routing.execution.DeploymentGuards;
import ai.switchboard.routing.execution.ExecutionSettings;
import ai.switchboard.routing.execution.FailoverExecutor;
import ai.switchboard.routing.execution.LatencyTracker;
import ai.switchboard.routing.policy.RoutingPolicies;
import io.github.resilience4j.micrometer.tagged.TaggedBulkheadMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Model resolution, routing policies and resilient execution for the request path. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RoutingProperties.class)
class RoutingConfiguration {

    @Bean
    DeploymentResolver deploymentResolver() {
        return new DeploymentResolver();
    }

    @Bean
    ExecutionSettings executionSettings(RoutingProperties properties) {
        return properties.toSettings();
    }

    @Bean
    DeploymentGuards deploymentGuards(ExecutionSettings settings, MeterRegistry meters) {
        DeploymentGuards guards = new DeploymentGuards(settings.breaker(), settings.maxConcurrentCalls());
        // Breakers and bulkheads are created per deployment as traffic arrives; the tagged bindings follow the
        // registries' events, so each deployment's calls in flight against its limit are visible too.
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(guards.circuitBreakers()).bindTo(meters);
        TaggedBulkheadMetrics.ofBulkheadRegistry(guards.concurrencyLimits().registry()).bindTo(meters);
        return guards;
    }

    @Bean
    LatencyTracker latencyTracker() {
        return new LatencyTracker(0.3);
    }

    @Bean
    FailoverExecutor failoverExecutor(ProviderAdapters adapters, DeploymentGuards guards, LatencyTracker latency,
            ExecutionSettings settings, GenAiObservations observations, RoutingMetrics routingMetrics) {
        return new FailoverExecutor(adapters, guards, latency, settings.retry(),
                () -> ThreadLocalRandom.current().nextDouble(), AttemptObserver.of(observations, routingMetrics),
                new EventLoopTimer());
    }

    /** Also the registry's {@code RoutePolicyInspector}: route writes are validated against these policies. */
    @Bean
    RoutingPolicies routingPolicies(LatencyTracker latency, DeploymentGuards guards) {
        return new RoutingPolicies(latency, guards);
    }

    @Bean
    RouteEngine routeEngine(DeploymentResolver resolver, FailoverExecutor executor, RoutingPolicies policies,
            ExecutionSettings settings) {
        return new RouteEngine(resolver, executor, policies, settings.timeouts());
    }
}
