package ai.switchboard.gateway.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import ai.switchboard.observability.AttemptObservation;
import ai.switchboard.observability.GenAiObservations;
import ai.switchboard.observability.RoutingMetrics;
import ai.switchboard.observability.request.RequestObserver;
import ai.switchboard.observability.request.RequestSummary;
import ai.switchboard.observability.usage.ModelPrice;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Traffic for the observability tests: real requests through {@code /v1/chat/completions} against WireMock, plus the
 * calls the request path and routing executor will make into the observation API once wired (they are not yet), with
 * the same route, model and provider names, so every meter and dashboard panel has data.
 */
final class ObservedTraffic {

    static final String ROUTE = "obs-route";

    private ObservedTraffic() {
    }

    /** Registers a provider, model and key under {@code prefix}; returns the key. */
    static String setUp(Fixtures fixtures, String prefix) {
        String key = fixtures.chatModel(prefix + "-m", prefix + "-p", GatewayIT.upstreamBase(prefix), "gpt-4o-mini");
        GatewayIT.UPSTREAM.stubFor(post(urlEqualTo("/" + prefix + "/v1/chat/completions"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody(UpstreamBodies.chatCompletion("gpt-4o-mini", "Hello!"))));
        return key;
    }

    /** One real chat request; returns its {@code traceparent} response header. */
    static String chat(WebTestClient http, String key, String model) {
        return http.post().uri("/v1/chat/completions")
                .header("Authorization", "Bearer " + key)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"model\":\"" + model + "\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}")
                .exchange()
                .expectStatus().isOk()
                .returnResult(String.class).getResponseHeaders().getFirst("traceparent");
    }

    /** What the wired request path will report: a streamed success after a fallback, and a failure. */
    static void observe(RequestObserver observer, GenAiObservations observations, RoutingMetrics routing,
            Tracer tracer, String model, String provider) {
        Span request = tracer.nextSpan().name("http post /v1/chat/completions").start();
        AttemptObservation failed = observations.startAttempt(request.context(), "chat", ROUTE, provider + "-b",
                model, 1);
        failed.failed("upstream_unavailable");
        routing.fallback(ROUTE, "upstream_unavailable");
        routing.retry(ROUTE, provider, "rate_limited");
        routing.cascadeEscalation(ROUTE, 1);
        routing.ensembleMember(ROUTE, model);
        AttemptObservation ok = observations.startAttempt(request.context(), "chat", ROUTE, provider, model, 2);
        ok.firstChunk();
        ok.succeeded("gpt-4o-mini-2024-07-18", 1_200, 300, 200, "stop");
        ModelPrice price = ModelPrice.of(new BigDecimal("0.15"), new BigDecimal("0.6"));
        observer.finished(RequestSummary.builder("req_obs_" + System.nanoTime(), Instant.now(), "chat")
                .route(ROUTE, "fallback").requestModel(model).servedBy(model, provider, price).stream(true)
                .tokens(1_200, 300, 200)
                .timing(TimeUnit.MILLISECONDS.toNanos(1_800), TimeUnit.MILLISECONDS.toNanos(250))
                .attempts(2, 1, 1).build(), request);
        request.end();
        for (String error : List.of("rate_limited", "upstream_timeout")) {
            observer.finished(RequestSummary.builder("req_obs_err_" + System.nanoTime(), Instant.now(), "chat")
                    .route(ROUTE, "fallback").servedBy(model, provider, price).outcome(502, error)
                    .timing(TimeUnit.MILLISECONDS.toNanos(900), -1).attempts(1, 0, 0).build(), null);
        }
    }
}
