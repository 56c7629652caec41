package ai.switchboard.providers.gemini.internal.client;

import static ai.switchboard.providers.gemini.GeminiWire.API_KEY;
import static ai.switchboard.providers.gemini.GeminiWire.resource;
import static org.assertj.core.api.Assertions.assertThat;

import ai.switchboard.providers.api.ErrorType;
import ai.switchboard.providers.api.ProviderEndpoint;
import ai.switchboard.providers.api.ProviderException;
import ai.switchboard.providers.gemini.GeminiWire;
import ai.switchboard.providers.json.WireJson;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpHeaders;

class GeminiErrorsTests {

    private static final ProviderEndpoint ENDPOINT = new ProviderEndpoint("gemini-test", "gemini",
            URI.create("https://generativelanguage.googleapis.com"), API_KEY, Map.of(), null, null, Map.of(), 1);

    private static ProviderException classify(int status, HttpHeaders headers, String body) {
        return GeminiErrors.fromResponse(ENDPOINT, status, headers, body.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(nullValues = "null", value = {"37s, 37000", "2.500s, 2500", "0.0001s, 1", "0s, 0", "1.5s, 1500",
            "37, null", "s, null", "-3s, null", "abcs, null", "null, null"})
    void retryDelaysAreProtobufDurations(String value, Long millis) {
        assertThat(GeminiErrorBody.duration(value)).isEqualTo(millis == null ? null : Duration.ofMillis(millis));
    }

    @Test
    void rateLimitsCarryTheRetryDelayWhenNoHeaderIsSent() {
        ProviderException failure = classify(429, new HttpHeaders(), resource("error-429-retry.json"));

        assertThat(failure.type()).isEqualTo(ErrorType.RATE_LIMITED);
        assertThat(failure.status()).isEqualTo(429);
        assertThat(failure.code()).isEqualTo("rate_limit_exceeded");
        assertThat(failure.retryAfter()).isEqualTo(Duration.ofSeconds(37));
        assertThat(failure.upstreamStatus()).isEqualTo(429);
        assertThat(failure.getMessage()).contains("exceeded your current quota");
    }

    @Test
    void aRetryAfterHeaderWinsOverTheBody() {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, "5");

        assertThat(classify(429, headers, resource("error-429-retry.json")).retryAfter())
                .isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void perDayQuotasAndPrepaidCreditsAreQuotaExceeded() {
        ProviderException perDay = classify(429, new HttpHeaders(), resource("error-429-per-day.json"));
        assertThat(perDay.type()).isEqualTo(ErrorType.QUOTA_EXCEEDED);
        assertThat(perDay.retriable()).isFalse();
        assertThat(perDay.code()).isEqualTo("insufficient_quota");

        ProviderException credits = classify(402, new HttpHeaders(),
                GeminiWire.error(402, "RESOURCE_EXHAUSTED", "Your prepayment credits are depleted."));
        assertThat(credits.type()).isEqualTo(ErrorType.QUOTA_EXCEEDED);
        assertThat(credits.status()).isEqualTo(429);
        assertThat(credits.upstreamStatus()).isEqualTo(402);
    }

    @Test
    void anInvalidKeyIsAnAuthenticationFailureWhoseMessageLeaksNoKey() {
        ProviderException failure = classify(400, new HttpHeaders(), resource("error-api-key-invalid.json"));

        assertThat(failure.type()).isEqualTo(ErrorType.AUTHENTICATION);
        assertThat(failure.status()).isEqualTo(401);
        assertThat(failure.upstreamStatus()).isEqualTo(400);
        assertThat(failure.getMessage()).doesNotContain(API_KEY).doesNotContain("AIza").doesNotContain("SECRET");
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
            "400, INVALID_ARGUMENT, INVALID_REQUEST, 400",
            "400, FAILED_PRECONDITION, PERMISSION, 403",
            "403, PERMISSION_DENIED, PERMISSION, 403",
            "404, NOT_FOUND, NOT_FOUND, 404",
            "500, INTERNAL, UPSTREAM_SERVER_ERROR, 502",
            "503, UNAVAILABLE, UPSTREAM_UNAVAILABLE, 503",
            "504, DEADLINE_EXCEEDED, TIMEOUT, 504",
            "500, UNAUTHENTICATED, UPSTREAM_SERVER_ERROR, 502",
            "503, INVALID_ARGUMENT, UPSTREAM_UNAVAILABLE, 503"})
    void statusesFollowTheTable(int status, String googleStatus, ErrorType type, int clientStatus) {
        ProviderException failure = classify(status, new HttpHeaders(), GeminiWire.error(status, googleStatus, "x"));

        assertThat(failure.type()).isEqualTo(type);
        assertThat(failure.status()).isEqualTo(clientStatus);
    }

    @Test
    void aCancelledCallIsATransientUpstreamFaultNotTheClientsClosedRequest() {
        for (String body : new String[] {GeminiWire.error(499, "CANCELLED", "The operation was cancelled."), ""}) {
            ProviderException failure = classify(499, new HttpHeaders(), body);

            assertThat(failure.type()).isEqualTo(ErrorType.UPSTREAM_SERVER_ERROR);
            assertThat(failure.retriable()).isTrue();
            assertThat(failure.status()).isEqualTo(502);
            assertThat(failure.upstreamStatus()).isEqualTo(499);
        }
    }

    @Test
    void anOverlongInputIsAContextLengthError() {
        ProviderException failure = classify(400, new HttpHeaders(), GeminiWire.error(400, "INVALID_ARGUMENT",
                "The input token count (1200000) exceeds the maximum number of tokens allowed (1048576)."));

        assertThat(failure.type()).isEqualTo(ErrorType.CONTEXT_LENGTH_EXCEEDED);
    }

    @Test
    void bodiesThatAreNotGoogleErrorsAreClassifiedByStatus() {
        assertThat(classify(502, new HttpHeaders(), "<html>Bad gateway</html>").type())
                .isEqualTo(ErrorType.UPSTREAM_SERVER_ERROR);
        assertThat(classify(429, new HttpHeaders(), "").type()).isEqualTo(ErrorType.RATE_LIMITED);
    }

    @Test
    void errorsInsideAStreamAreClassifiedByTheirCode() {
        ProviderException failure = GeminiErrors.fromPayload(ENDPOINT,
                WireJson.mapper().readTree(resource("error-429-retry.json")));

        assertThat(failure.type()).isEqualTo(ErrorType.RATE_LIMITED);
        assertThat(failure.retryAfter()).isEqualTo(Duration.ofSeconds(37));
        assertThat(failure.upstreamStatus()).isNull();
        assertThat(GeminiErrors.fromPayload(ENDPOINT, WireJson.mapper().readTree(
                "[" + GeminiWire.error(500, "INTERNAL", "boom") + "]")).type())
                .isEqualTo(ErrorType.UPSTREAM_SERVER_ERROR);
    }
}
