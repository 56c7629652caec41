package ai.switchboard.observability;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.test.simple.SimpleSpan;
import io.micrometer.tracing.test.simple.SimpleTracer;
import org.junit.jupiter.api.Test;

class GenAiObservationsTests {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final SimpleTracer tracer = new SimpleTracer();

    private GenAiObservations observations(boolean contentAllowed) {
        return new GenAiObservations(new ClientAttemptMetrics(meters), tracer, contentAllowed);
    }

    @Test
    void aSuccessfulStreamedAttemptRecordsClientMetricsAndAChildSpan() {
        Span request = tracer.nextSpan().name("http post").start();
        AttemptObservation attempt = observations(false).startAttempt(request.context(), "chat", "support",
                "openai-main", "gpt-mini", 1);
        attempt.firstChunk();
        attempt.succeeded("gpt-4o-mini-2024-07-18", 120, 30, 0, "stop");
        attempt.succeeded("ignored", 1, 1, 0, null);

        assertThat(meters.get(GenAiConventions.CLIENT_OPERATION_DURATION)
                .tag(GenAiConventions.RESPONSE_MODEL, "gpt-4o-mini-2024-07-18")
                .tag(GenAiConventions.ERROR_TYPE, "none").timer().count()).isEqualTo(1);
        assertThat(meters.get(GenAiConventions.CLIENT_TOKEN_USAGE).tag(GenAiConventions.TOKEN_TYPE, "input").summary()
                .totalAmount()).isEqualTo(120);
        assertThat(meters.get(GenAiConventions.CLIENT_TOKEN_USAGE).tag(GenAiConventions.TOKEN_TYPE, "output")
                .summary().totalAmount()).isEqualTo(30);
        assertThat(meters.get(GenAiConventions.CLIENT_TIME_TO_FIRST_CHUNK).timer().count()).isEqualTo(1);
        assertThat(meters.get(GenAiConventions.GATEWAY_ATTEMPTS).tag(GenAiConventions.OUTCOME, "success").counter()
                .count()).isEqualTo(1);

        SimpleSpan span = tracer.getSpans().getLast();
        assertThat(span.getName()).isEqualTo("chat gpt-mini");
        assertThat(span.getKind()).isEqualTo(Span.Kind.CLIENT);
        assertThat(span.getParentId()).isEqualTo(request.context().spanId());
        assertThat(span.getTraceId()).isEqualTo(request.context().traceId());
        assertThat(span.getTags()).containsEntry(GenAiConventions.PROVIDER_NAME, "openai-main")
                .containsEntry(GenAiConventions.USAGE_INPUT_TOKENS, "120")
                .containsEntry(GenAiConventions.RESPONSE_FINISH_REASONS, "stop")
                .containsEntry(GenAiConventions.ATTEMPT, "1");
        assertThat(span.getEndTimestamp()).isNotNull();
    }

    @Test
    void aFailedAttemptCarriesItsErrorTypeAndNoTokens() {
        AttemptObservation attempt = observations(false).startAttempt(null, "chat", null, "anthropic", "claude", 2);
        attempt.failed("rate_limited");

        assertThat(meters.get(GenAiConventions.CLIENT_OPERATION_DURATION).tag(GenAiConventions.ERROR_TYPE,
                "rate_limited").timer().count()).isEqualTo(1);
        assertThat(meters.find(GenAiConventions.CLIENT_TOKEN_USAGE).summary()).isNull();
        assertThat(meters.get(GenAiConventions.GATEWAY_ATTEMPTS).tag(GenAiConventions.OUTCOME, "failure")
                .tag(GenAiConventions.ROUTE, "none").counter().count()).isEqualTo(1);
        assertThat(tracer.getSpans().getLast().getTags()).containsEntry(GenAiConventions.ERROR_TYPE, "rate_limited");
    }

    @Test
    void contentIsRecordedOnlyWhenTheRouteOptsInAndTheOperatorAllowsIt() {
        observations(true).startAttempt(null, "chat", "r", "p", "m", 1).content(false, "[prompt]", "[completion]");
        observations(false).startAttempt(null, "chat", "r", "p", "m", 1).content(true, "[prompt]", "[completion]");
        AttemptObservation allowed = observations(true).startAttempt(null, "chat", "r", "p", "m", 1);
        allowed.content(true, "[prompt]", "[completion]");
        allowed.succeeded("m", 1, 1, 0, null);

        assertThat(tracer.getSpans()).filteredOn(s -> s.getTags().containsKey(GenAiConventions.INPUT_MESSAGES))
                .singleElement().satisfies(s -> assertThat(s.getTags())
                        .containsEntry(GenAiConventions.OUTPUT_MESSAGES, "[completion]"));
    }

    @Test
    void routingDecisionsAreCountedByRouteAndStep() {
        RoutingMetrics routing = new RoutingMetrics(meters);
        routing.fallback("support", "upstream_unavailable");
        routing.retry("support", "openai-main", "rate_limited");
        routing.cascadeEscalation("cheap-first", 1);
        routing.cascadeEscalation("cheap-first", 1);
        routing.ensembleMember("vote", "gpt-mini");

        assertThat(meters.get(GenAiConventions.GATEWAY_FALLBACKS).tag(GenAiConventions.ERROR_TYPE,
                "upstream_unavailable").counter().count()).isEqualTo(1);
        assertThat(meters.get(GenAiConventions.GATEWAY_RETRIES).tag(GenAiConventions.PROVIDER_NAME, "openai-main")
                .tag(GenAiConventions.ERROR_TYPE, "rate_limited").counter().count()).isEqualTo(1);
        assertThat(meters.get(GenAiConventions.GATEWAY_CASCADE_ESCALATIONS).tag(GenAiConventions.STEP, "1")
                .counter().count()).isEqualTo(2);
        assertThat(meters.get(GenAiConventions.GATEWAY_ENSEMBLE_MEMBERS).counter().count()).isEqualTo(1);
    }
}
