package ai.switchboard.gateway.config;

import ai.switchboard.routing.DeploymentResolver;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Model resolution for the request path. */
@Configuration(proxyBeanMethods = false)
class RoutingConfiguration {

    @Bean
    DeploymentResolver deploymentResolver() {
        return new DeploymentResolver();
    }
}
