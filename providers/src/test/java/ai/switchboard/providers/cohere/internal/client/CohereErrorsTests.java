package ai.switchboard.providers.cohere.internal.client;

import static ai.switchboard.providers.cohere.CohereFixtures.API_KEY;
import static ai.switchboard.providers.cohere.CohereFixtures.offlineEndpoint;
import static org.assertj.core.api.Assertions.assertThat;

import ai.switchboard.providers.api.ErrorType;
import ai.switchboard.providers.api.ProviderException;
import ai.switchboard.providers.error.UpstreamErrors;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpHeaders;

class CohereErrorsTests {

    /** Cohere's documented statuses, as the shared classifier and this reader see them together. */
    @ParameterizedTest(name = "HTTP {0} -> {1} ({2})")
    @CsvSource({
            "400, INVALID_REQUEST, 400",
            "401, AUTHENTICATION, 401",
            "403, PERMISSION, 403",
            "404, NOT_FOUND, 404",
            "422, UPSTREAM_CLIENT_ERROR, 422",
            "429, RATE_LIMITED, 429",
            "498, AUTHENTICATION, 401",
            "499, UPSTREAM_SERVER_ERROR, 502",
            "500, UPSTREAM_SERVER_ERROR, 502",
            "501, UPSTREAM_SERVER_ERROR, 502",
            "503, UPSTREAM_UNAVAILABLE, 503",
            "504, TIMEOUT, 504"})
    void everyCohereStatusIsClassified(int status, ErrorType type, int clientStatus) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, "7");
        byte[] body = ("{\"id\":\"e1\",\"message\":\"invalid api token " + API_KEY + "\"}")
                .getBytes(StandardCharsets.UTF_8);

        ProviderException error = (ProviderException) CohereErrors.refine(offlineEndpoint(),
                UpstreamErrors.fromResponse(offlineEndpoint(), status, headers, body));

        assertThat(error.type()).isEqualTo(type);
        assertThat(error.status()).isEqualTo(clientStatus);
        assertThat(error.upstreamStatus()).isEqualTo(status);
        assertThat(error.retryAfter()).isEqualTo(Duration.ofSeconds(7));
        assertThat(error.getMessage()).doesNotContain(API_KEY).doesNotContain("SECRET");
    }

    @Test
    void coheresMessageIsReportedForOrdinaryErrors() {
        ProviderException error = (ProviderException) CohereErrors.refine(offlineEndpoint(),
                UpstreamErrors.fromResponse(offlineEndpoint(), 400, new HttpHeaders(),
                        "{\"id\":\"e2\",\"message\":\"invalid request: p must be below 1\"}"
                                .getBytes(StandardCharsets.UTF_8)));

        assertThat(error.getMessage()).isEqualTo("invalid request: p must be below 1");
    }

    @Test
    void failuresWithoutAStatusPassThrough() {
        ProviderException timeout = ProviderException.of(ErrorType.TIMEOUT, "late");
        IllegalStateException other = new IllegalStateException("x");

        assertThat(CohereErrors.refine(offlineEndpoint(), timeout)).isSameAs(timeout);
        assertThat(CohereErrors.refine(offlineEndpoint(), other)).isSameAs(other);
    }

    @Test
    void errorFinishesUseCoheresTextAndTheSharedRefinements() {
        ProviderException error = CohereErrors.finishedWithError(offlineEndpoint(), "ERROR", "model crashed");
        ProviderException timeout = CohereErrors.finishedWithError(offlineEndpoint(), "timeout", null);
        ProviderException tooLong = CohereErrors.finishedWithError(offlineEndpoint(), "ERROR",
                "This model's maximum context length is 128000 tokens");

        assertThat(error.type()).isEqualTo(ErrorType.UPSTREAM_SERVER_ERROR);
        assertThat(error.getMessage()).isEqualTo("model crashed");
        assertThat(timeout.type()).isEqualTo(ErrorType.TIMEOUT);
        assertThat(timeout.getMessage()).contains("TIMEOUT".toLowerCase());
        assertThat(tooLong.type()).isEqualTo(ErrorType.CONTEXT_LENGTH_EXCEEDED);
    }
}
