package ai.switchboard.gateway.it;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.ReactorResourceFactory;

/**
 * Keeps Reactor Netty's JVM-wide resources alive when one {@link GatewayInstance} closes. Every context in a JVM
 * shares them, and closing one replica would otherwise dispose them under the others; separate processes have no
 * such coupling. The instances still use the global loops, exactly as production does.
 */
@Configuration(proxyBeanMethods = false)
class SharedNettyResources {

    @Bean
    ReactorResourceFactory reactorResourceFactory() {
        return new ReactorResourceFactory() {
            @Override
            public void stop() {
                // Shared with the other in-JVM replicas: left running.
            }

            @Override
            public void destroy() {
                // Shared with the other in-JVM replicas: left running.
            }
        };
    }
}
