package ai.switchboard.gateway.admin;

import ai.switchboard.gateway.auth.RequiredScope;
import ai.switchboard.observability.feedback.FeedbackFilter;
import ai.switchboard.observability.feedback.JdbcFeedbackStore;
import ai.switchboard.registry.KeyScope;
import ai.switchboard.registry.config.RegistrySchedulerConfiguration;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * {@code GET /admin/v1/feedback?model=&route=&from=&to=}: what applications said about their answers (through
 * {@code POST /v1/feedback}), per model and route: how many, the average score, and the count of each label.
 */
@RestController
public class FeedbackAdminController {

    static final String PATH = "/admin/v1/feedback";

    private final JdbcFeedbackStore feedback;
    private final RegistryCalls calls;

    public FeedbackAdminController(JdbcFeedbackStore feedback,
            @Qualifier(RegistrySchedulerConfiguration.REGISTRY_SCHEDULER) Scheduler registryScheduler) {
        this.feedback = feedback;
        this.calls = new RegistryCalls(registryScheduler);
    }

    @RequiredScope({KeyScope.ADMIN, KeyScope.VIEWER})
    @GetMapping(path = PATH, produces = "application/json")
    public Mono<FeedbackSummaryResponse> summary(@RequestParam MultiValueMap<String, String> parameters) {
        // Parsed on the caller's thread: a 400 needs no database and no scheduler slot.
        FeedbackFilter filter = FeedbackParameters.parse(parameters);
        return calls.blocking(() -> FeedbackSummaryResponse.of(feedback.summary(filter)));
    }
}
