package ai.switchboard.gateway.api.error;

import static org.assertj.core.api.Assertions.assertThat;

import ai.switchboard.providers.api.ErrorType;
import ai.switchboard.providers.api.ProviderException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBufferLimitException;

class ErrorClassificationTests {

    @Test
    void gatewayRefusalsKeepTheirStatusTypeAndParam() {
        ErrorClassification error = ErrorClassification.of(ApiException.modelNotFound("nope"), 100);

        assertThat(error.status()).isEqualTo(404);
        assertThat(error.body().error().code()).isEqualTo("model_not_found");
        assertThat(error.body().error().param()).isEqualTo("model");
        assertThat(error.metricTag()).isEqualTo("model_not_found");
    }

    @Test
    void rateLimitsCarryARetryAfterRoundedUpToWholeSeconds() {
        ProviderException limited = new ProviderException(ErrorType.RATE_LIMITED, 429, "slow down", null, null,
                Duration.ofMillis(1500), 429);

        ErrorClassification error = ErrorClassification.of(limited, 100);

        assertThat(error.status()).isEqualTo(429);
        assertThat(error.retryAfter()).isEqualTo(2);
        assertThat(error.body().error().type()).isEqualTo("rate_limit_error");
        assertThat(error.body().error().code()).isEqualTo("rate_limit_exceeded");
        assertThat(error.metricTag()).isEqualTo("rate_limited");
    }

    @Test
    void aConcurrencyLimitIsA429WithItsOwnCodeTagAndRetryAfter() {
        ErrorClassification error = ErrorClassification.of(ProviderException.of(ErrorType.CONCURRENCY_LIMITED,
                "full"), 100);

        assertThat(error.status()).isEqualTo(429);
        assertThat(error.body().error().type()).isEqualTo("rate_limit_error");
        assertThat(error.body().error().code()).isEqualTo("deployment_concurrency_limit");
        assertThat(error.metricTag()).isEqualTo("concurrency_limited");
    }

    @Test
    void upstreamFailuresBecomeGatewayStatuses() {
        assertThat(ErrorClassification.of(ProviderException.of(ErrorType.TIMEOUT, "t"), 1).status()).isEqualTo(504);
        assertThat(ErrorClassification.of(ProviderException.of(ErrorType.CONNECTION_FAILED, "c"), 1).status())
                .isEqualTo(502);
        assertThat(ErrorClassification.of(ProviderException.of(ErrorType.UPSTREAM_UNAVAILABLE, "u"), 1).status())
                .isEqualTo(503);
    }

    @Test
    void oversizedBodiesAre413AndUnexpectedFailuresRevealNothing() {
        assertThat(ErrorClassification.of(new DataBufferLimitException("x"), 1024).status()).isEqualTo(413);
        ErrorClassification internal = ErrorClassification.of(new IllegalStateException("db password=hunter2"), 1);
        assertThat(internal.status()).isEqualTo(500);
        assertThat(internal.body().error().message()).doesNotContain("hunter2");
    }
}
