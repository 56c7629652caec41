package ai.switchboard.registry.snapshot;

import ai.switchboard.registry.config.RegistryProperties;
import ai.switchboard.registry.key.ApiKeyAdminService;
import ai.switchboard.registry.key.ApiKeyRepository;
import ai.switchboard.registry.key.BootstrapAdminKey;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/** Start-up and change propagation of the registry snapshot. */
@Configuration(proxyBeanMethods = false)
public class RegistrySnapshotConfiguration {

    @Bean
    public BootstrapAdminKey bootstrapAdminKey(ApiKeyAdminService service, ApiKeyRepository keys,
            PlatformTransactionManager transactionManager, RegistryProperties properties) {
        return new BootstrapAdminKey(service, keys, transactionManager, properties.getBootstrapAdminKey());
    }

    @Bean
    public RegistryChangeListener registryChangeListener(DataSource dataSource, RegistrySnapshotManager snapshots,
            RegistryProperties properties) {
        return new RegistryChangeListener(dataSource, snapshots, properties.getListenerMaxBackoff());
    }

    /** Bound to the application's meter registry by the actuator, like every {@code MeterBinder} bean. */
    @Bean
    public RegistrySnapshotMetrics registrySnapshotMetrics(RegistrySnapshotManager snapshots) {
        return new RegistrySnapshotMetrics(snapshots);
    }

    @Bean
    public RegistryLifecycle registryLifecycle(BootstrapAdminKey bootstrapAdminKey, RegistrySnapshotManager snapshots,
            RegistryChangeListener listener, RegistryProperties properties) {
        return new RegistryLifecycle(bootstrapAdminKey, snapshots, listener, properties.getRefreshInterval());
    }
}
