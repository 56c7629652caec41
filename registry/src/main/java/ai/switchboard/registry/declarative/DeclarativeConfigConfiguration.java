package ai.switchboard.registry.declarative;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The declarative registry file: its setting and its start-up application. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DeclarativeConfigProperties.class)
public class DeclarativeConfigConfiguration {

    @Bean
    public DeclarativeConfigStartup declarativeConfigStartup(DeclarativeConfigService service,
            DeclarativeConfigProperties properties) {
        return new DeclarativeConfigStartup(service, properties.getFile());
    }
}
