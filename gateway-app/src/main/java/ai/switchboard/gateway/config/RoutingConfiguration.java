package ai.switchboard.gateway.config;

import ai.switchboard.providers.ProviderAdapters;
import ai.switchboard.routing.DeploymentResolver;
import ai.switchboard.routing.RouteEngine;
import ai.switchboard.routing.execution.DeploymentGuards;
import ai.switchboard.routing.execution.ExecutionSettings;
import ai.switchboard.routing.execution.FailoverExecutor;
import ai.switchboard.routing.execution.LatencyTracker;
import ai.switchboard.routing.policy.RoutingPolicies;
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
    DeploymentGuards deploymentGuards(ExecutionSettings settings) {
        return new DeploymentGuards(settings.breaker(), settings.maxConcurrentCalls());
    }

    @Bean
    LatencyTracker latencyTracker() {
        return new LatencyTracker(0.3);
    }

    @Bean
    FailoverExecutor failoverExecutor(ProviderAdapters adapters, DeploymentGuards guards, LatencyTracker latency,
            ExecutionSettings settings) {
        return new FailoverExecutor(adapters, guards, latency, settings.retry());
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
