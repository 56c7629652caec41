package ai.switchboard.registry.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/** The bounded scheduler on which reactive code runs blocking registry work (JPA, JDBC), never on the event loop. */
@Configuration(proxyBeanMethods = false)
public class RegistrySchedulerConfiguration {

    /** The bean name to inject with {@code @Qualifier}. */
    public static final String REGISTRY_SCHEDULER = "registryScheduler";

    @Bean(name = REGISTRY_SCHEDULER, destroyMethod = "dispose")
    public Scheduler registryScheduler(RegistryProperties properties) {
        return Schedulers.newBoundedElastic(properties.getSchedulerThreads(), properties.getSchedulerQueueSize(),
                "registry");
    }
}
