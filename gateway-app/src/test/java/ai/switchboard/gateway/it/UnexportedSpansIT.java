package ai.switchboard.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.tracing.Tracer;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/**
 * The shared gateway context has no span exporter: spans must not be recorded (nobody would read them), while trace
 * ids keep flowing: every response has a {@code traceparent}, and a caller's sampled trace context is continued.
 */
class UnexportedSpansIT extends GatewayIT {

    @Autowired
    Sampler sampler;
    @Autowired
    Tracer tracer;

    @Test
    void withoutAnExporterSpansAreNotRecordedButTraceIdsStillFlow() {
        assertThat(sampler).isSameAs(Sampler.alwaysOff());
        String prefix = unique("unexported");
        String key = ObservedTraffic.setUp(fixtures, prefix);

        String traceparent = ObservedTraffic.chat(http, key, prefix + "-m");

        // A fresh trace id and span id, flagged "not sampled".
        assertThat(traceparent).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-00").doesNotContain("0".repeat(32));
        assertThat(tracer.nextSpan().isNoop()).isTrue();
    }

    @Test
    void aCallersTraceIdIsContinuedWithoutAnExporter() {
        String prefix = unique("unexported-parent");
        String key = ObservedTraffic.setUp(fixtures, prefix);
        String callerTrace = "4bf92f3577b34da6a3ce929d0e0e4736";

        String traceparent = http.post().uri("/v1/chat/completions")
                .header("Authorization", "Bearer " + key)
                .header("traceparent", "00-" + callerTrace + "-00f067aa0ba902b7-01")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"model\":\"" + prefix + "-m\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}")
                .exchange()
                .expectStatus().isOk()
                .returnResult(String.class).getResponseHeaders().getFirst("traceparent");

        assertThat(traceparent).startsWith("00-" + callerTrace + "-").doesNotContain("00f067aa0ba902b7");
    }
}
