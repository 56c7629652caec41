package ai.switchboard.registry.config;

import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.context.annotation.Bean;
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

    /**
     * Flyway owns the schema; Hibernate only checks that the entities match it, whatever ddl-auto says. Entities carry
     * no Bean Validation constraints (the admin services validate, naming API fields), so Hibernate's Bean Validation
     * hook is off; it would otherwise demand an EL implementation, which the enforcer bans with the servlet stack.
     */
    @Bean
    public HibernatePropertiesCustomizer registryHibernateProperties() {
        return properties -> {
            properties.put("hibernate.hbm2ddl.auto", "validate");
            properties.put("jakarta.persistence.validation.mode", "none");
        };
    }
}
