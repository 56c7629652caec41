package ai.switchboard.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import ai.switchboard.gateway.api.error.ErrorClassification;
import ai.switchboard.gateway.pipeline.Api;
import ai.switchboard.gateway.pipeline.RequestContext;
import ai.switchboard.gateway.pipeline.RequestPipeline;
import ai.switchboard.observability.RateLimitMetrics;
import ai.switchboard.registry.ApiKeyRecord;
import ai.switchboard.registry.KeyScope;
import ai.switchboard.registry.RateLimitConfig;
import ai.switchboard.registry.RateLimitTarget;
import ai.switchboard.registry.RegistrySnapshot;
import ai.switchboard.registry.TeamConfig;
import ai.switchboard.registry.snapshot.RegistrySnapshotManager;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/** The caller stage on a pipeline of its own: headers, the 429 and what a refused request gives back. */
class RateLimitStageTests {

    private static final UUID TEAM = UUID.randomUUID();
    private static final ApiKeyRecord KEY = new ApiKeyRecord(UUID.randomUUID(), "app", "sk-sb-abcd", "hash",
            Set.of(KeyScope.INFERENCE), Set.of("*"), null, false, TEAM);
    private static final RateLimitConfig KEY_LIMIT =
            new RateLimitConfig(UUID.randomUUID(), RateLimitTarget.KEY, KEY.id(), 5, 1_000);
    private static final RateLimitConfig TEAM_LIMIT =
            new RateLimitConfig(UUID.randomUUID(), RateLimitTarget.TEAM, TEAM, 1, null);

    private final InMemoryLeaseStore store = new InMemoryLeaseStore();
    private final ExecutorService leaseThreads = Executors.newSingleThreadExecutor();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final RegistrySnapshotManager snapshots = mock(RegistrySnapshotManager.class);
    /** Frozen mid-minute: every request of a test falls in one window. */
    private final Clock clock = Clock.fixed(Instant.parse("2030-01-01T00:00:30Z"), ZoneOffset.UTC);
    private final SharedRateLimiter limiter = new SharedRateLimiter(store, leaseThreads, clock,
            RateLimitProperties.defaults());
    private final RequestPipeline pipeline = new RequestPipeline(List.of(new RateLimitStage(
            RateLimitStage.Scope.CALLER, limiter, snapshots, new RateLimitMetrics(meters), Duration.ofSeconds(2))),
            Clock.systemUTC());

    @AfterEach
    void stop() {
        leaseThreads.shutdownNow();
    }

    @Test
    void theTightestLimitIsShownAndARefusalGivesBackWhatOtherLimitsTook() {
        limits(KEY_LIMIT, TEAM_LIMIT);

        RequestContext admitted = context();
        assertThat(call(admitted)).isEqualTo("answer");
        assertThat(admitted.responseHeaders().getFirst("x-ratelimit-limit-requests")).isEqualTo("1");
        assertThat(admitted.responseHeaders().getFirst("x-ratelimit-remaining-requests")).isEqualTo("0");
        assertThat(admitted.responseHeaders().getFirst("x-ratelimit-reset-requests")).isEqualTo("30s");
        assertThat(admitted.responseHeaders().getFirst("x-ratelimit-limit-tokens")).isEqualTo("1000");

        RequestContext refused = context();
        assertThatThrownBy(() -> call(refused)).isInstanceOfSatisfying(RateLimitedException.class, e -> {
            ErrorClassification error = ErrorClassification.of(e, 0);
            assertThat(error.status()).isEqualTo(429);
            assertThat(error.body().error().type()).isEqualTo("requests");
            assertThat(error.body().error().code()).isEqualTo("rate_limit_exceeded");
            assertThat(error.body().error().message()).contains("team '" + "billing" + "'", "limit 1");
            assertThat(error.retryAfter()).isPositive();
        });
        assertThat(refused.responseHeaders().getFirst("retry-after-ms")).isNotNull();
        assertThat(meters.get(RateLimitMetrics.REFUSED).tag("limit", "team").tag("dimension", "requests").counter()
                .count()).isEqualTo(1);

        // Without the team's limit, the key has 4 of 5 left: the refused request took nothing from it.
        limits(KEY_LIMIT);
        int admittedAfter = 0;
        for (int i = 0; i < 10; i++) {
            try {
                call(context());
                admittedAfter++;
            } catch (RateLimitedException e) {
                break;
            }
        }
        assertThat(admittedAfter).isEqualTo(4);
    }

    @Test
    void aRequestCancelledWhileWaitingForALeaseGivesBackWhatItTook() {
        limits(KEY_LIMIT);
        call(context());
        limits(KEY_LIMIT, TEAM_LIMIT);
        store.gate = new java.util.concurrent.CountDownLatch(1);

        pipeline.single(context(), ignored -> Mono.just("answer")).subscribe().dispose();
        store.gate.countDown();

        limits(KEY_LIMIT);
        int admittedAfter = 0;
        for (int i = 0; i < 10; i++) {
            try {
                call(context());
                admittedAfter++;
            } catch (RateLimitedException e) {
                break;
            }
        }
        assertThat(admittedAfter).as("the key's 5 less the one request served").isEqualTo(4);
    }

    @Test
    void theTokensOfEveryCallARequestMadeCountAgainstItsTokenLimit() {
        limits(KEY_LIMIT);

        RequestContext agentRun = context();
        pipeline.single(agentRun, context -> {
            context.usage(ai.switchboard.providers.api.Usage.of(80, 20, 0));
            // An agent's earlier steps (or a cascade's rejected answers): the request's, not its answer's.
            context.trace().extraUsage(null, ai.switchboard.providers.api.Usage.of(250, 50, 0));
            return Mono.just("answer");
        }).block(Duration.ofSeconds(5));
        agentRun.succeeded();
        RequestContext next = context();
        call(next);

        // 1,000 less the 400 the first request used (100 for its answer, 300 on the way), less the next one's 15.
        assertThat(next.responseHeaders().getFirst("x-ratelimit-remaining-tokens")).isEqualTo("585");
    }

    @Test
    void withTheStoreDownFromTheStartARequestIsRefusedSayingSo() {
        limits(KEY_LIMIT);
        store.down = true;

        assertThatThrownBy(() -> call(context())).isInstanceOfSatisfying(RateLimitedException.class,
                e -> assertThat(e.getMessage()).contains("cannot be checked right now"));
    }

    @Test
    void aKeyWithoutLimitsGetsNoHeadersAndCostsNoLease() {
        limits();

        RequestContext context = context();
        call(context);

        assertThat(context.responseHeaders().headerNames()).noneMatch(name -> name.startsWith("x-ratelimit"));
        assertThat(store.leaseCalls.get()).isZero();
    }

    private void limits(RateLimitConfig... limits) {
        RegistrySnapshot snapshot = new RegistrySnapshot(1, List.of(), List.of(), List.of(KEY), List.of(),
                List.of(new TeamConfig(TEAM, "billing")), List.of(limits), List.of());
        when(snapshots.current()).thenReturn(snapshot);
    }

    private RequestContext context() {
        return pipeline.open("req", Api.CHAT, KEY, null, Set.of(), false).request("m", false)
                .costHints(() -> 10, 5, 1);
    }

    private String call(RequestContext context) {
        String answer = pipeline.single(context, ignored -> Mono.just("answer")).block(Duration.ofSeconds(5));
        context.succeeded(); // written to the client: the exchange ends the context
        return answer;
    }
}
