package ai.switchboard.gateway.shutdown;

import static org.assertj.core.api.Assertions.assertThat;

import ai.switchboard.gateway.api.error.ApiException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

class DrainFilterTests {

    private final ServerDrain drain = new ServerDrain();
    private final DrainFilter filter = new DrainFilter(drain);
    private final MockServerWebExchange exchange = MockServerWebExchange.from(
            MockServerHttpRequest.post("/v1/chat/completions"));
    private final AtomicInteger handled = new AtomicInteger();

    @Test
    void whileServingRequestsPassUntouched() {
        StepVerifier.create(filter.filter(exchange, handler(Mono.empty()))).verifyComplete();

        assertThat(handled).hasValue(1);
        assertThat(exchange.getResponse().getHeaders().getConnection()).isEmpty();
    }

    @Test
    void duringTheDrainARequestIsServedCountedUntilItEndsAndClosesItsConnection() {
        drain.begin();
        Sinks.Empty<Void> response = Sinks.empty();

        StepVerifier.create(filter.filter(exchange, handler(response.asMono())))
                .then(() -> assertThat(drain.inFlight()).isOne())
                .then(response::tryEmitEmpty)
                .verifyComplete();

        assertThat(handled).hasValue(1);
        assertThat(drain.inFlight()).isZero();
        assertThat(exchange.getResponse().getHeaders().getFirst(HttpHeaders.CONNECTION)).isEqualTo("close");
    }

    @Test
    void aRequestThatFailsOrIsCancelledDuringTheDrainIsNoLongerCounted() {
        drain.begin();
        StepVerifier.create(filter.filter(exchange, handler(Mono.error(new IllegalStateException("boom")))))
                .verifyError(IllegalStateException.class);
        StepVerifier.create(filter.filter(exchange, handler(Mono.never()))).thenCancel().verify();

        assertThat(drain.inFlight()).isZero();
    }

    @Test
    void onceClosedARequestIsRefusedWith503AndNeverReachesAHandler() {
        drain.begin();
        drain.close(() -> { });

        StepVerifier.create(filter.filter(exchange, handler(Mono.empty())))
                .expectErrorSatisfies(error -> {
                    assertThat(error).isInstanceOf(ApiException.class);
                    assertThat(((ApiException) error).status()).isEqualTo(503);
                    assertThat(((ApiException) error).code()).isEqualTo("server_shutting_down");
                })
                .verify();

        assertThat(handled).hasValue(0);
        assertThat(drain.inFlight()).isZero();
        assertThat(exchange.getResponse().getHeaders().getFirst(HttpHeaders.CONNECTION)).isEqualTo("close");
    }

    @Test
    void onceClosedAnAdminRequestIsRefusedWithA503StatusItsErrorHandlerRenders() {
        drain.begin();
        drain.close(() -> { });
        MockServerWebExchange admin = MockServerWebExchange.from(MockServerHttpRequest.get("/admin/v1/models"));

        StepVerifier.create(filter.filter(admin, handler(Mono.empty())))
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOfSatisfying(ApiException.class,
                        refused -> assertThat(refused.status()).isEqualTo(503)))
                .verify();

        assertThat(handled).hasValue(0);
    }

    private WebFilterChain handler(Mono<Void> result) {
        return served -> Mono.defer(() -> {
            handled.incrementAndGet();
            return result;
        });
    }
}
