package ai.switchboard.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.switchboard.observability.GenAiConventions;
import ai.switchboard.observability.GenAiObservations;
import ai.switchboard.observability.RoutingMetrics;
import ai.switchboard.observability.request.RequestObserver;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Tracer;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * Tracing and metrics of a running gateway: spans exported through the real OpenTelemetry SDK into an in-memory
 * exporter, the Prometheus scrape checked by {@code promtool}. Traffic: {@link ObservedTraffic}.
 */
@Import(ObservabilityIT.InMemoryTracing.class)
@TestPropertySource(properties = "management.opentelemetry.tracing.export.schedule-delay=50ms")
class ObservabilityIT extends GatewayIT {

    static final String PROMTOOL = "/usr/bin/promtool";

    @TestConfiguration(proxyBeanMethods = false)
    static class InMemoryTracing {

        @Bean
        InMemorySpanExporter inMemorySpanExporter() {
            return InMemorySpanExporter.create();
        }
    }

    @Autowired
    InMemorySpanExporter spans;
    @Autowired
    RequestObserver observer;
    @Autowired
    GenAiObservations observations;
    @Autowired
    RoutingMetrics routing;
    @Autowired
    Tracer tracer;
    @Autowired
    MeterRegistry meters;

    @Test
    void everyResponseCarriesTheTraceparentOfItsServerSpan() {
        String prefix = unique("trace");
        String key = ObservedTraffic.setUp(fixtures, prefix);
        String traceparent = ObservedTraffic.chat(http, key, prefix + "-m");

        assertThat(traceparent).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
        String traceId = traceparent.substring(3, 35);
        String spanId = traceparent.substring(36, 52);
        await().atMost(Duration.ofSeconds(10)).until(() -> spans.getFinishedSpanItems().stream()
                .anyMatch(span -> span.getSpanId().equals(spanId)));
        SpanData server = find(span -> span.getSpanId().equals(spanId));
        assertThat(server.getTraceId()).isEqualTo(traceId);
        assertThat(server.getKind()).isEqualTo(SpanKind.SERVER);

        // refused requests are traceable too
        String refused = http.get().uri("/v1/models").exchange().expectStatus().isUnauthorized()
                .returnResult(String.class).getResponseHeaders().getFirst("traceparent");
        assertThat(refused).isNotNull().isNotEqualTo(traceparent);
    }

    @Test
    void attemptSpansAreChildrenOfTheRequestSpanWithGenAiAttributes() {
        String prefix = unique("spans");
        ObservedTraffic.observe(observer, observations, routing, tracer, prefix + "-m", prefix + "-p");

        await().atMost(Duration.ofSeconds(10)).until(() -> spans.getFinishedSpanItems().stream()
                .filter(span -> span.getName().equals("chat " + prefix + "-m")).count() == 2);
        List<SpanData> attempts = spans.getFinishedSpanItems().stream()
                .filter(span -> span.getName().equals("chat " + prefix + "-m")).toList();
        SpanData request = find(span -> span.getSpanId().equals(attempts.get(0).getParentSpanId()));
        assertThat(attempts).allSatisfy(attempt -> {
            assertThat(attempt.getKind()).isEqualTo(SpanKind.CLIENT);
            assertThat(attempt.getParentSpanId()).isEqualTo(request.getSpanId());
            assertThat(attempt.getTraceId()).isEqualTo(request.getTraceId());
        });
        SpanData ok = attempts.stream().filter(a -> "2".equals(attr(a, GenAiConventions.ATTEMPT))).findFirst()
                .orElseThrow();
        assertThat(attr(ok, GenAiConventions.PROVIDER_NAME)).isEqualTo(prefix + "-p");
        assertThat(attr(ok, GenAiConventions.RESPONSE_MODEL)).isEqualTo("gpt-4o-mini-2024-07-18");
        assertThat(attr(ok, GenAiConventions.USAGE_INPUT_TOKENS)).isEqualTo("1200");
        assertThat(ok.getAttributes().get(AttributeKey.stringArrayKey(GenAiConventions.RESPONSE_FINISH_REASONS)))
                .containsExactly("stop");
        SpanData failed = attempts.stream().filter(a -> "1".equals(attr(a, GenAiConventions.ATTEMPT))).findFirst()
                .orElseThrow();
        assertThat(attr(failed, GenAiConventions.ERROR_TYPE)).isEqualTo("upstream_unavailable");
        assertThat(attr(request, GenAiConventions.ROUTE)).isEqualTo(ObservedTraffic.ROUTE);
        assertThat(attr(request, GenAiConventions.ROUTE_POLICY)).isEqualTo("fallback");
        assertThat(attr(request, GenAiConventions.FALLBACKS)).isEqualTo("1");
        // content capture is off by default: no prompt or completion on any span
        assertThat(spans.getFinishedSpanItems()).allSatisfy(span -> assertThat(span.getAttributes().asMap().keySet())
                .noneMatch(k -> k.getKey().equals(GenAiConventions.INPUT_MESSAGES)
                        || k.getKey().equals(GenAiConventions.OUTPUT_MESSAGES)));
    }

    @Test
    void theScrapeNamesEveryMeterAndPassesPromtool() throws Exception {
        String prefix = unique("scrape");
        String key = ObservedTraffic.setUp(fixtures, prefix);
        ObservedTraffic.chat(http, key, prefix + "-m");
        ObservedTraffic.observe(observer, observations, routing, tracer, prefix + "-m", prefix + "-p");
        bindCircuitBreaker(meters, prefix + "-p");

        String scrape = http.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(scrape).contains("gen_ai_server_request_duration_seconds_bucket",
                "gen_ai_server_time_to_first_token_seconds_bucket", "gen_ai_server_time_per_output_token_seconds_bucket",
                "gen_ai_client_operation_duration_seconds_bucket", "gen_ai_client_token_usage_bucket",
                "gen_ai_client_operation_time_to_first_chunk_seconds_bucket", "switchboard_requests_total",
                "switchboard_attempts_total", "switchboard_fallbacks_total", "switchboard_retries_total",
                "switchboard_cascade_escalations_total", "switchboard_ensemble_members_total",
                "switchboard_cost_usd_total", "switchboard_usage_queue_depth", "switchboard_usage_batches_total",
                "switchboard_usage_records_dropped_total", "resilience4j_circuitbreaker_state",
                "gen_ai_token_type=\"output\"", "gen_ai_provider_name=\"" + prefix + "-p\"");
        assertThat(scrape).doesNotContain("sk-sb-", "gen_ai_system");

        Path file = Files.createTempFile("switchboard-scrape", ".prom");
        try {
            Files.writeString(file, scrape);
            Process promtool = new ProcessBuilder(PROMTOOL, "check", "metrics").redirectInput(file.toFile())
                    .redirectErrorStream(true).start();
            assertThat(promtool.waitFor(30, TimeUnit.SECONDS)).isTrue();
            String output = new String(promtool.getInputStream().readAllBytes());
            assertThat(promtool.exitValue()).as(output).isZero();
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** Binds a breaker to the meter registry the way the routing module must (see the report). */
    static void bindCircuitBreaker(MeterRegistry meters, String name) {
        CircuitBreakerRegistry breakers = CircuitBreakerRegistry.ofDefaults();
        breakers.circuitBreaker(name);
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(breakers).bindTo(meters);
    }

    private SpanData find(java.util.function.Predicate<SpanData> match) {
        return spans.getFinishedSpanItems().stream().filter(match).findFirst().orElseThrow();
    }

    private static String attr(SpanData span, String key) {
        Object value = span.getAttributes().asMap().entrySet().stream()
                .filter(entry -> entry.getKey().getKey().equals(key)).map(java.util.Map.Entry::getValue)
                .findFirst().orElse(null);
        return value == null ? null : value.toString();
    }
}
