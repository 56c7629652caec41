package ai.switchboard.gateway.api.feedback;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/** The threads feedback SQL runs on, off the event loop and apart from the registry's. */
@Configuration(proxyBeanMethods = false)
class FeedbackSchedulerConfiguration {

    static final String SCHEDULER = "feedbackScheduler";

    @Bean(name = SCHEDULER, destroyMethod = "dispose")
    Scheduler feedbackScheduler() {
        // Small and bounded: a flood of feedback queues (then is refused) instead of taking the database's pool.
        return Schedulers.newBoundedElastic(4, 1_000, "feedback");
    }
}
