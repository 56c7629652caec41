package ai.switchboard.gateway.request;

import static org.assertj.core.api.Assertions.assertThat;

import ai.switchboard.gateway.api.error.ApiException;
import java.net.URI;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpMethod;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class PathFirewallTests {

    private final PathFirewall firewall = new PathFirewall();

    @ParameterizedTest
    @ValueSource(strings = {"/v1/chat/completions", "/admin/v1/config:apply", "/admin/v1/usage?group_by=key",
        "/v1/models/llama3%3A8b", "/actuator/health/readiness", "/admin/v1/keys/"})
    void canonicalPathsReachTheChain(String target) {
        AtomicBoolean reached = new AtomicBoolean();
        StepVerifier.create(firewall.filter(exchange("POST", target), chain(reached))).verifyComplete();
        assertThat(reached).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/%61dmin/v1/keys", "/adm%69n/v1/keys", "/admin;x/v1/config", "/admin;/v1/config",
        "/admin/v1;x/keys", "/v1;x/models", "/%761/chat/completions", "//admin/v1/keys", "/admin//v1/keys",
        "/./admin/v1/keys", "/admin/./v1/keys", "/admin/x/../v1/keys", "/admin/v1/keys/x/..", "/admin/v1/keys/.",
        "/admin%2fv1/keys", "/admin%2Fv1/keys", "/admin%5cv1/keys", "/admin%5Cv1/keys", "/admin/v1/%2e%2e/keys",
        "/admin/v1/keys%00", "/admin/v1/keys%0a", "/admin/v1/keys%0D", "/admin/v1/keys%09", "/adm%2569n/v1/keys",
        "/admin/v1/keys%3bx", "/v1/models/a%E2%80%A8"})
    void ambiguousPathsAre400sThatNeverReachTheChain(String target) {
        AtomicBoolean reached = new AtomicBoolean();
        StepVerifier.create(firewall.filter(exchange("GET", target), chain(reached)))
                .expectErrorSatisfies(error -> {
                    assertThat(error).isInstanceOf(ApiException.class);
                    assertThat(((ApiException) error).status()).isEqualTo(400);
                    assertThat(((ApiException) error).code()).isEqualTo("invalid_path");
                })
                .verify();
        assertThat(reached).isFalse();
    }

    @ParameterizedTest
    @ValueSource(ints = {PathFirewall.MAX_TARGET_LENGTH - 20, PathFirewall.MAX_TARGET_LENGTH + 1})
    void targetsOverTheLimitAre414(int queryLength) {
        String target = "/v1/models?q=" + "a".repeat(queryLength);
        boolean tooLong = target.length() > PathFirewall.MAX_TARGET_LENGTH;
        AtomicBoolean reached = new AtomicBoolean();
        Mono<Void> filtered = firewall.filter(exchange("GET", target), chain(reached));
        if (tooLong) {
            StepVerifier.create(filtered)
                    .expectErrorSatisfies(error -> assertThat(((ApiException) error).status()).isEqualTo(414))
                    .verify();
        } else {
            StepVerifier.create(filtered).verifyComplete();
        }
        assertThat(reached.get()).isEqualTo(!tooLong);
    }

    private static MockServerWebExchange exchange(String method, String target) {
        // URI.create keeps the target as sent; the request builders would encode it again.
        return MockServerWebExchange.from(MockServerHttpRequest.method(HttpMethod.valueOf(method),
                URI.create("http://localhost:8080" + target)));
    }

    private static WebFilterChain chain(AtomicBoolean reached) {
        return exchange -> Mono.fromRunnable(() -> reached.set(true));
    }
}
