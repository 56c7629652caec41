package ai.switchboard.registry.config;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;

/**
 * Registers the registry's entities, repositories and properties. Needed because the application class lives in
 * {@code ai.switchboard.gateway}, whose package Boot would otherwise scan for entities and repositories.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RegistryProperties.class)
@EnableJpaRepositories(basePackages = "ai.switchboard.registry")
@EntityScan(basePackages = "ai.switchboard.registry")
public class RegistryConfiguration {
}
