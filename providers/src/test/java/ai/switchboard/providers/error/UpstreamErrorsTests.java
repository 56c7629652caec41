package ai.switchboard.providers.error;

import static org.assertj.core.api.Assertions.assertThat;

import ai.switchboard.providers.api.ErrorType;
import ai.switchboard.providers.api.ProviderEndpoint;
import ai.switchboard.providers.api.ProviderException;
import ai.switchboard.providers.json.WireJson;
import io.netty.handler.timeout.ReadTimeoutException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.core.codec.DecodingException;
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import reactor.netty.http.client.PrematureCloseException;
import reactor.netty.internal.shaded.reactor.pool.PoolAcquirePendingLimitException;
import reactor.netty.internal.shaded.reactor.pool.PoolAcquireTimeoutException;
import tools.jackson.core.JacksonException;

class UpstreamErrorsTests {

    private static final String KEY = "sk-proj-abcdefghijklmnop1234";
    private static final ProviderEndpoint ENDPOINT = new ProviderEndpoint("openai-main", "openai",
            URI.create("https://api.openai.com/v1"), KEY, null, null, null, null, 1);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC);

    @ParameterizedTest(name = "{0} -> {1} ({2})")
    @CsvSource({
            "400, INVALID_REQUEST, 400",
            "401, AUTHENTICATION, 401",
            "403, PERMISSION, 403",
            "404, NOT_FOUND, 404",
            "408, TIMEOUT, 408",
            "409, UPSTREAM_CLIENT_ERROR, 409",
            "413, REQUEST_TOO_LARGE, 413",
            "422, UPSTREAM_CLIENT_ERROR, 422",
            "429, RATE_LIMITED, 429",
            "500, UPSTREAM_SERVER_ERROR, 502",
            "501, UPSTREAM_SERVER_ERROR, 502",
            "502, UPSTREAM_SERVER_ERROR, 502",
            "503, UPSTREAM_UNAVAILABLE, 503",
            "504, TIMEOUT, 504",
            "529, UPSTREAM_UNAVAILABLE, 503"})
    void statusTable(int status, ErrorType type, int clientStatus) {
        ProviderException error = UpstreamErrors.fromResponse(ENDPOINT, status, new HttpHeaders(),
                body("{\"error\":{\"message\":\"boom\",\"type\":\"x\",\"param\":\"p\",\"code\":\"c\"}}"), CLOCK);

        assertThat(error.type()).isEqualTo(type);
        assertThat(error.status()).isEqualTo(clientStatus);
        assertThat(error.upstreamStatus()).isEqualTo(status);
        assertThat(error.code()).isEqualTo("c");
        assertThat(error.param()).isEqualTo("p");
    }

    @ParameterizedTest(name = "{0} with {1}")
    @CsvSource({
            "500, '{\"error\":{\"message\":\"bad\",\"type\":\"invalid_request_error\"}}', UPSTREAM_SERVER_ERROR",
            "500, '{\"error\":{\"message\":\"long\",\"code\":\"context_length_exceeded\"}}', UPSTREAM_SERVER_ERROR",
            "502, '{\"error\":{\"message\":\"The maximum context length is 4096 tokens\"}}', UPSTREAM_SERVER_ERROR",
            "502, '{\"error\":{\"message\":\"filtered\",\"code\":\"content_filter\"}}', UPSTREAM_SERVER_ERROR",
            "503, '{\"error\":{\"message\":\"quota\",\"code\":\"insufficient_quota\"}}', UPSTREAM_UNAVAILABLE",
            "503, '{\"error\":{\"message\":\"slow\",\"type\":\"rate_limit_error\"}}', UPSTREAM_UNAVAILABLE",
            "504, '{\"error\":{\"message\":\"bad\",\"type\":\"invalid_request_error\"}}', TIMEOUT",
            "302, '{\"error\":{\"message\":\"bad\",\"type\":\"invalid_request_error\"}}', UPSTREAM_SERVER_ERROR"})
    void aServerErrorIsClassifiedByItsStatusWhateverItsBodySays(int status, String body, ErrorType type) {
        ProviderException error = UpstreamErrors.fromResponse(ENDPOINT, status, new HttpHeaders(), body(body));

        assertThat(error.type()).isEqualTo(type);
        assertThat(error.retriable()).isTrue();
        assertThat(error.status()).isEqualTo(type.defaultStatus());
        assertThat(error.upstreamStatus()).isEqualTo(status);
    }

    @Test
    void aStreamedErrorNamingAServerStatusIsAServerErrorWhateverItsType() {
        assertThat(UpstreamErrors.fromErrorPayload(ENDPOINT, WireJson.mapper().readTree(
                "{\"error\":{\"message\":\"bad\",\"type\":\"invalid_request_error\",\"code\":500}}")).type())
                .isEqualTo(ErrorType.UPSTREAM_SERVER_ERROR);
        assertThat(UpstreamErrors.fromErrorPayload(ENDPOINT, WireJson.mapper().readTree(
                "{\"error\":{\"message\":\"bad\",\"type\":\"invalid_request_error\"}}")).type())
                .as("without a status, the type is all there is to go by")
                .isEqualTo(ErrorType.INVALID_REQUEST);
        assertThat(UpstreamErrors.statusDecides(0)).isFalse();
        assertThat(UpstreamErrors.statusDecides(404)).isFalse();
        assertThat(UpstreamErrors.statusDecides(500)).isTrue();
    }

    @Test
    void contextLengthIsRecognisedByCodeOrMessage() {
        assertThat(UpstreamErrors.fromResponse(ENDPOINT, 400, new HttpHeaders(),
                body("{\"error\":{\"message\":\"too long\",\"code\":\"context_length_exceeded\"}}")).type())
                .isEqualTo(ErrorType.CONTEXT_LENGTH_EXCEEDED);
        assertThat(UpstreamErrors.fromResponse(ENDPOINT, 400, new HttpHeaders(),
                body("{\"object\":\"error\",\"message\":\"This model's maximum context length is 4096 tokens\"}"))
                .type()).isEqualTo(ErrorType.CONTEXT_LENGTH_EXCEEDED);
    }

    @Test
    void azurePromptFilterIsContentFilteredWithItsCode() {
        ProviderException error = UpstreamErrors.fromResponse(ENDPOINT, 400, new HttpHeaders(), body("""
                {"error":{"message":"The response was filtered due to the prompt triggering Azure OpenAI's content \
                management policy.","type":null,"param":"prompt","code":"content_filter","status":400,
                "innererror":{"code":"ResponsibleAIPolicyViolation","content_filter_result":{}}}}"""));

        assertThat(error.type()).isEqualTo(ErrorType.CONTENT_FILTERED);
        assertThat(error.status()).isEqualTo(400);
        assertThat(error.code()).isEqualTo("content_filter");
        assertThat(error.param()).isEqualTo("prompt");
        assertThat(error.retriable()).isFalse();
    }

    @Test
    void insufficientQuotaIsNotARetriableRateLimit() {
        ProviderException error = UpstreamErrors.fromResponse(ENDPOINT, 429, new HttpHeaders(),
                body("{\"error\":{\"message\":\"You exceeded your current quota\",\"type\":\"insufficient_quota\","
                        + "\"code\":\"insufficient_quota\"}}"));

        assertThat(error.type()).isEqualTo(ErrorType.QUOTA_EXCEEDED);
        assertThat(error.status()).isEqualTo(429);
        assertThat(error.retriable()).isFalse();
    }

    @Test
    void retryAfterPrefersMillisThenSecondsThenDate() {
        HttpHeaders headers = new HttpHeaders();
        headers.add("retry-after-ms", "1500");
        headers.add("retry-after", "7");
        assertThat(UpstreamErrors.fromResponse(ENDPOINT, 429, headers, new byte[0], CLOCK).retryAfter())
                .isEqualTo(Duration.ofMillis(1500));

        headers.remove("retry-after-ms");
        assertThat(UpstreamErrors.fromResponse(ENDPOINT, 429, headers, new byte[0], CLOCK).retryAfter())
                .isEqualTo(Duration.ofSeconds(7));

        headers.set("retry-after", "Wed, 01 Jan 2025 00:00:30 GMT");
        ProviderException dated = UpstreamErrors.fromResponse(ENDPOINT, 429, headers, new byte[0], CLOCK);
        assertThat(dated.retryAfter()).isEqualTo(Duration.ofSeconds(30));
        assertThat(dated.type()).isEqualTo(ErrorType.RATE_LIMITED);
        assertThat(dated.retriable()).isTrue();

        headers.set("retry-after", "soon");
        assertThat(UpstreamErrors.fromResponse(ENDPOINT, 429, headers, new byte[0], CLOCK).retryAfter()).isNull();
    }

    @Test
    void credentialRejectionsUseAFixedMessage() {
        ProviderException error = UpstreamErrors.fromResponse(ENDPOINT, 401, new HttpHeaders(),
                body("{\"error\":{\"message\":\"Incorrect API key provided: sk-proj-****1234.\","
                        + "\"code\":\"invalid_api_key\"}}"));

        assertThat(error.getMessage())
                .isEqualTo("The upstream provider rejected the gateway's credentials for provider 'openai-main'");
        assertThat(error.code()).isEqualTo("invalid_api_key");
    }

    @Test
    void otherMessagesAreMaskedAndTruncated() {
        String echoed = "bad request with " + KEY + " and Bearer abc.def-123 and sk-other0123456789 "
                + "x".repeat(2000);
        ProviderException error = UpstreamErrors.fromResponse(ENDPOINT, 400, new HttpHeaders(),
                body(WireJson.mapper().writeValueAsString(
                        WireJson.mapper().createObjectNode().set("error",
                                WireJson.mapper().createObjectNode().put("message", echoed)))));

        assertThat(error.getMessage()).doesNotContain(KEY).doesNotContain("abc.def-123")
                .doesNotContain("sk-other0123456789").contains("Bearer ***").hasSizeLessThanOrEqualTo(501);
    }

    @Test
    void nonJsonBodiesGetAGenericMessage() {
        ProviderException error = UpstreamErrors.fromResponse(ENDPOINT, 502, new HttpHeaders(),
                body("<html>Bad gateway</html>"));

        assertThat(error.getMessage()).isEqualTo("Provider 'openai-main' answered HTTP 502");
        assertThat(error.type()).isEqualTo(ErrorType.UPSTREAM_SERVER_ERROR);
    }

    @Test
    void errorPayloadsInsideAStreamAreClassifiedByTypeOrCode() {
        assertThat(UpstreamErrors.fromErrorPayload(ENDPOINT,
                WireJson.mapper().readTree("{\"error\":{\"message\":\"oops\",\"type\":\"server_error\"}}")).type())
                .isEqualTo(ErrorType.UPSTREAM_SERVER_ERROR);
        assertThat(UpstreamErrors.fromErrorPayload(ENDPOINT,
                WireJson.mapper().readTree("{\"error\":{\"message\":\"slow\",\"code\":\"rate_limit_exceeded\"}}"))
                .type()).isEqualTo(ErrorType.RATE_LIMITED);
        assertThat(UpstreamErrors.fromErrorPayload(ENDPOINT,
                WireJson.mapper().readTree("{\"error\":{\"message\":\"bad\",\"code\":400}}")).type())
                .isEqualTo(ErrorType.INVALID_REQUEST);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"connectRefused, CONNECTION_FAILED", "unknownHost, CONNECTION_FAILED",
            "prematureClose, CONNECTION_FAILED", "reset, CONNECTION_FAILED", "readTimeout, TIMEOUT",
            "timeout, TIMEOUT", "jackson, MALFORMED_RESPONSE", "decoding, MALFORMED_RESPONSE",
            "other, UPSTREAM_SERVER_ERROR"})
    void throwableTable(String kind, ErrorType type) {
        Throwable failure = switch (kind) {
            case "connectRefused" -> new WebClientRequestException(new ConnectException("Connection refused"),
                    org.springframework.http.HttpMethod.POST, URI.create("http://x"), new HttpHeaders());
            case "unknownHost" -> new UnknownHostException("nowhere.invalid");
            case "prematureClose" -> PrematureCloseException.TEST_EXCEPTION;
            case "reset" -> new IOException("Connection reset by peer");
            case "readTimeout" -> ReadTimeoutException.INSTANCE;
            case "timeout" -> new TimeoutException("Did not observe any item");
            case "jackson" -> parseFailure();
            case "decoding" -> new DecodingException("JSON decoding error", parseFailure());
            default -> new IllegalStateException("bug");
        };

        ProviderException error = UpstreamErrors.fromThrowable(ENDPOINT, failure);

        assertThat(error.type()).isEqualTo(type);
        assertThat(error.status()).isEqualTo(type.defaultStatus());
        assertThat(error.upstreamStatus()).isNull();
        assertThat(error.getMessage()).contains("openai-main").doesNotContain("nowhere.invalid");
        assertThat(error.getCause()).isSameAs(failure);
    }

    @Test
    void aFullConnectionPoolIsTheGatewaysConcurrencyLimitNotAnUpstreamFault() {
        for (Throwable full : new Throwable[] {new PoolAcquirePendingLimitException(1000),
                new WebClientRequestException(new PoolAcquireTimeoutException(Duration.ofSeconds(10)),
                        org.springframework.http.HttpMethod.POST, URI.create("http://x"), new HttpHeaders())}) {
            ProviderException error = UpstreamErrors.fromThrowable(ENDPOINT, full);

            assertThat(error.type()).isEqualTo(ErrorType.CONCURRENCY_LIMITED);
            assertThat(error.status()).isEqualTo(429);
            assertThat(error.type().countsAgainstHealth()).isFalse();
            assertThat(error.getMessage()).contains("openai-main", "connection pool");
        }
    }

    @Test
    void providerExceptionsPassThroughAndStreamDropsBecomeInterruptions() {
        ProviderException original = ProviderException.of(ErrorType.RATE_LIMITED, "slow down");
        assertThat(UpstreamErrors.fromThrowable(ENDPOINT, original)).isSameAs(original);

        assertThat(UpstreamErrors.fromStreamFailure(ENDPOINT, PrematureCloseException.TEST_EXCEPTION).type())
                .isEqualTo(ErrorType.STREAM_INTERRUPTED);
        assertThat(UpstreamErrors.fromStreamFailure(ENDPOINT, ReadTimeoutException.INSTANCE).type())
                .isEqualTo(ErrorType.TIMEOUT);
    }

    private static JacksonException parseFailure() {
        try {
            WireJson.mapper().readTree("{not json");
            throw new AssertionError("expected a parse failure");
        }
        catch (JacksonException expected) {
            return expected;
        }
    }

    private static byte[] body(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
