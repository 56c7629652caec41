package ai.switchboard.registry.crypto;

import ai.switchboard.registry.config.RegistryProperties;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** Builds the credential cipher from the configured master key (or the generated key file), and its check. */
@Configuration(proxyBeanMethods = false)
public class CredentialCipherConfiguration {

    @Bean
    public CredentialCipher credentialCipher(RegistryProperties properties,
            @Value("${switchboard.data-dir:./data}") Path dataDir) {
        return new CredentialCipher(MasterKeyResolver.resolve(properties.getMasterKey(), dataDir));
    }

    @Bean
    public MasterKeyVerifier masterKeyVerifier(JdbcTemplate jdbc, CredentialCipher cipher,
            RegistryProperties properties, @Value("${switchboard.data-dir:./data}") Path dataDir) {
        return new MasterKeyVerifier(jdbc, cipher, MasterKeyResolver.describeSource(properties.getMasterKey(), dataDir));
    }
}
