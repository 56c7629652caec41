package ai.switchboard.gateway.api.messages;

import static org.assertj.core.api.Assertions.assertThat;

import ai.switchboard.gateway.api.error.ApiException;
import ai.switchboard.providers.api.ErrorType;
import ai.switchboard.providers.api.ProviderException;
import ai.switchboard.routing.execution.RoutingFailedException;
import com.anthropic.models.ErrorResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.core.io.buffer.DataBufferLimitException;

/** Every failure in Anthropic's error shape, with the status and type Anthropic's SDKs map to their exceptions. */
class MessagesErrorTests {

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource({
        "INVALID_REQUEST, 400, invalid_request_error",
        "CONTEXT_LENGTH_EXCEEDED, 400, invalid_request_error",
        "UNSUPPORTED, 400, invalid_request_error",
        "AUTHENTICATION, 401, authentication_error",
        "PERMISSION, 403, permission_error",
        "NOT_FOUND, 404, not_found_error",
        "REQUEST_TOO_LARGE, 413, request_too_large",
        "RATE_LIMITED, 429, rate_limit_error",
        "QUOTA_EXCEEDED, 429, rate_limit_error",
        "UPSTREAM_SERVER_ERROR, 500, api_error",
        "CONNECTION_FAILED, 500, api_error",
        "MALFORMED_RESPONSE, 500, api_error",
        "STREAM_INTERRUPTED, 500, api_error",
        "UPSTREAM_UNAVAILABLE, 529, overloaded_error",
        "TIMEOUT, 504, timeout_error",
    })
    void providerFailures(ErrorType type, int status, String anthropicType) {
        MessagesError error = MessagesError.of(ProviderException.of(type, "why"), 1024, "req-9");

        assertThat(error.status()).isEqualTo(status);
        assertThat(error.body().error().type()).isEqualTo(anthropicType);
        assertThat(error.body().error().message()).isEqualTo("why");
        assertThat(error.metricTag()).isEqualTo(type.tag());
        ErrorResponse parsed = AnthropicSdk.read(MessagesBodies.json(error.body()).toString(), ErrorResponse.class);
        assertThat(parsed.requestId()).contains("req-9");
        // The SDK's error union lacks request_too_large, which Anthropic documents; every other type is one of its
        // known variants, which validate() insists on.
        if (!"request_too_large".equals(anthropicType)) {
            parsed.validate();
        }
    }

    @EnumSource(ErrorType.class)
    @ParameterizedTest
    void everyErrorTypeHasAnAnthropicStatus(ErrorType type) {
        MessagesError error = MessagesError.of(ProviderException.of(type, "x"), 1024, null);

        assertThat(error.status()).isIn(400, 401, 403, 404, 413, 429, 500, 504, 529);
        assertThat(error.body().requestId()).isNull();
    }

    @Test
    void gatewayRefusalsKeepTheirStatusInAnthropicsVocabulary() {
        assertThat(MessagesError.of(ApiException.unauthorized("no key"), 1024, null).body().error().type())
                .isEqualTo("authentication_error");
        assertThat(MessagesError.of(ApiException.forbidden("no"), 1024, null).body().error().type())
                .isEqualTo("permission_error");
        assertThat(MessagesError.of(ApiException.modelNotFound("m"), 1024, null).body().error().type())
                .isEqualTo("not_found_error");
        MessagesError tooLarge = MessagesError.of(new DataBufferLimitException("big"), 2048, null);
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.body().error().message()).contains("2048 bytes");
        MessagesError internal = MessagesError.of(new IllegalStateException("bug at Foo.java:12"), 1024, null);
        assertThat(internal.status()).isEqualTo(500);
        assertThat(internal.body().error().message()).doesNotContain("Foo.java");
    }

    @Test
    void aRoutedFailureReportsTheDecisiveOneAndItsRetryAfter() {
        ProviderException limited = new ProviderException(ErrorType.RATE_LIMITED, 429, "slow down", null, null,
                Duration.ofMillis(1500), 429);

        MessagesError error = MessagesError.of(new RoutingFailedException(List.of(), limited), 1024, null);

        assertThat(error.status()).isEqualTo(429);
        assertThat(error.retryAfter()).isEqualTo(2L);
        assertThat(error.body().error().type()).isEqualTo("rate_limit_error");
    }
}
