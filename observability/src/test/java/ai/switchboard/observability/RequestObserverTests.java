package ai.switchboard.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.switchboard.observability.request.AccessLog;
import ai.switchboard.observability.request.RequestObserver;
import ai.switchboard.observability.request.RequestSummary;
import ai.switchboard.observability.usage.ModelPrice;
import ai.switchboard.observability.usage.PromptUsage;
import ai.switchboard.observability.usage.UsageRecord;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.tracing.test.simple.SimpleSpan;
import io.micrometer.tracing.test.simple.SimpleTracer;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RequestObserverTests {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final List<UsageRecord> ledger = new ArrayList<>();
    private final RequestObserver observer = new RequestObserver(new ServerRequestMetrics(meters), ledger::add,
            new AccessLog());

    private static RequestSummary.Builder streamed() {
        return RequestSummary.builder("req_1", Instant.parse("2026-05-01T10:00:00Z"), "chat")
                .key(UUID.fromString("00000000-0000-0000-0000-000000000001"), "sk-sb-AbC1")
                .route("support", "fallback")
                .requestModel("support")
                .servedBy("gpt-mini", "openai-main", ModelPrice.of(new BigDecimal("0.15"), new BigDecimal("0.6")))
                .modelVersion("2024-07-18")
                .stream(true)
                .tokens(1_000, 101, 0)
                .timing(TimeUnit.MILLISECONDS.toNanos(2_300), TimeUnit.MILLISECONDS.toNanos(300))
                .attempts(2, 1, 0);
    }

    @Test
    void callsConsumedInsideTheGatewayAreLedgeredAtTheirOwnCostNotTheAnsweringModels() {
        // A rejected cascade step and a judge cost $0.01 at their own prices; the answer is priced at gpt-mini's.
        observer.finished(streamed().extraUsage(2_000, 300, new BigDecimal("0.01")).build(), null);

        assertThat(ledger).singleElement().satisfies(row -> {
            assertThat(row.inputTokens()).isEqualTo(3_000);
            assertThat(row.outputTokens()).isEqualTo(401);
            assertThat(row.costUsd()).isEqualByComparingTo("0.0102106");
        });
    }

    @Test
    void anUnknownPriceOfAConsumedCallLeavesTheCostUnknown() {
        observer.finished(streamed().extraUsage(10, 10, null).build(), null);

        assertThat(ledger).singleElement().satisfies(row -> assertThat(row.costUsd()).isNull());
    }

    @Test
    void recordsServerMetricsCostLedgerAndSpan() {
        SimpleSpan span = new SimpleTracer().nextSpan().start();
        observer.finished(streamed().build(), span);

        assertThat(meters.get(GenAiConventions.SERVER_REQUEST_DURATION).tag(GenAiConventions.REQUEST_MODEL, "gpt-mini")
                .tag(GenAiConventions.ERROR_TYPE, "none").timer().totalTime(TimeUnit.MILLISECONDS)).isEqualTo(2_300);
        assertThat(meters.get(GenAiConventions.SERVER_TIME_TO_FIRST_TOKEN).timer().totalTime(TimeUnit.MILLISECONDS))
                .isEqualTo(300);
        // (2300 - 300) ms over 100 tokens after the first
        assertThat(meters.get(GenAiConventions.SERVER_TIME_PER_OUTPUT_TOKEN).timer().totalTime(TimeUnit.MILLISECONDS))
                .isEqualTo(20);
        assertThat(meters.get(GenAiConventions.GATEWAY_REQUESTS).tag(GenAiConventions.ROUTE, "support")
                .tag(GenAiConventions.OUTCOME, "success").counter().count()).isEqualTo(1);
        // 1000 x 0.15 / 1e6 + 101 x 0.6 / 1e6
        assertThat(meters.get(GenAiConventions.GATEWAY_COST).tag(GenAiConventions.REQUEST_MODEL, "gpt-mini").counter()
                .count()).isCloseTo(0.0002106, within(1e-12));

        assertThat(ledger).singleElement().satisfies(row -> {
            assertThat(row.costUsd()).isEqualByComparingTo("0.0002106");
            assertThat(row.latencyMillis()).isEqualTo(2_300);
            assertThat(row.ttftMillis()).isEqualTo(300);
            assertThat(row.keyPrefix()).isEqualTo("sk-sb-AbC1");
            assertThat(row.attempts()).isEqualTo(2);
            assertThat(row.errorType()).isNull();
            assertThat(row.modelVersion()).isEqualTo("2024-07-18");
        });
        assertThat(span.getTags()).containsEntry(GenAiConventions.ROUTE, "support")
                .containsEntry(GenAiConventions.ROUTE_POLICY, "fallback")
                .containsEntry(GenAiConventions.PROVIDER_NAME, "openai-main")
                .containsEntry(GenAiConventions.MODEL_VERSION, "2024-07-18")
                .containsEntry(GenAiConventions.USAGE_OUTPUT_TOKENS, "101")
                .containsEntry(GenAiConventions.FALLBACKS, "1")
                .containsEntry(GenAiConventions.REQUEST_ID, "req_1");
    }

    @Test
    void thePromptVersionAnAnswerWasBuiltFromReachesTheLedgerAndTheSpan() {
        SimpleSpan span = new SimpleTracer().nextSpan().start();
        observer.finished(streamed().prompt(new PromptUsage("support-instructions", 3)).build(), span);

        assertThat(ledger).singleElement().satisfies(row -> assertThat(row.prompt())
                .isEqualTo(new PromptUsage("support-instructions", 3)));
        assertThat(span.getTags()).containsEntry(GenAiConventions.PROMPT_NAME, "support-instructions")
                .containsEntry(GenAiConventions.PROMPT_VERSION, "3");

        SimpleSpan without = new SimpleTracer().nextSpan().start();
        observer.finished(streamed().build(), without);
        assertThat(without.getTags()).doesNotContainKey(GenAiConventions.PROMPT_NAME);
        assertThat(ledger.get(1).prompt()).isNull();
    }

    @Test
    void aRefusedRequestIsCountedAsAFailureWithoutModelOrCost() {
        observer.finished(RequestSummary.builder("req_2", Instant.now(), "chat").requestModel("typo-model")
                .outcome(404, "model_not_found").timing(1_000_000, -1).build(), null);

        assertThat(meters.get(GenAiConventions.GATEWAY_REQUESTS).tag(GenAiConventions.ROUTE, "none")
                .tag(GenAiConventions.ERROR_TYPE, "model_not_found").tag(GenAiConventions.OUTCOME, "failure")
                .counter().count()).isEqualTo(1);
        // a model name the client typed never becomes a tag
        assertThat(meters.find(GenAiConventions.SERVER_REQUEST_DURATION).tag(GenAiConventions.REQUEST_MODEL,
                "typo-model").timer()).isNull();
        assertThat(meters.find(GenAiConventions.GATEWAY_COST).counter()).isNull();
        assertThat(meters.find(GenAiConventions.SERVER_TIME_TO_FIRST_TOKEN).timer()).isNull();
        assertThat(ledger).singleElement().satisfies(row -> {
            assertThat(row.model()).isNull();
            assertThat(row.status()).isEqualTo(404);
            assertThat(row.costUsd()).isEqualByComparingTo("0");
        });
    }

    @Test
    void neverThrowsEvenWhenTheLedgerDoes() {
        RequestObserver failing = new RequestObserver(new ServerRequestMetrics(meters), record -> {
            throw new IllegalStateException("boom");
        }, new AccessLog());
        failing.finished(streamed().build(), null);
        assertThat(meters.get(GenAiConventions.GATEWAY_REQUESTS).counter().count()).isEqualTo(1);
    }
}
