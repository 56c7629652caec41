package ai.switchboard.providers.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** What follows each kind of failure, decided in one place: the error type. */
class ErrorTypeTests {

    @ParameterizedTest(name = "{0} -> {1}, health {2}")
    @CsvSource({
            "INVALID_REQUEST, END, false",
            "CONTEXT_LENGTH_EXCEEDED, LARGER_CONTEXT_WINDOW, false",
            "CONTENT_FILTERED, END, false",
            "UNSUPPORTED, END, false",
            "AUTHENTICATION, NEXT_CANDIDATE, true",
            "PERMISSION, NEXT_CANDIDATE, true",
            "NOT_FOUND, NEXT_CANDIDATE, false",
            "REQUEST_TOO_LARGE, END, false",
            "QUOTA_EXCEEDED, NEXT_CANDIDATE, false",
            "RATE_LIMITED, NEXT_CANDIDATE_THEN_RETRY, true",
            "CONCURRENCY_LIMITED, NEXT_CANDIDATE, false",
            "UPSTREAM_CLIENT_ERROR, END, false",
            "UPSTREAM_SERVER_ERROR, RETRY_THEN_NEXT_CANDIDATE, true",
            "UPSTREAM_UNAVAILABLE, RETRY_THEN_NEXT_CANDIDATE, true",
            "TIMEOUT, NEXT_CANDIDATE_THEN_RETRY, true",
            "CONNECTION_FAILED, RETRY_THEN_NEXT_CANDIDATE, true",
            "MALFORMED_RESPONSE, RETRY_THEN_NEXT_CANDIDATE, true",
            "STREAM_INTERRUPTED, RETRY_THEN_NEXT_CANDIDATE, true"})
    void recoveryAndHealthFollowTheTable(ErrorType type, Recovery recovery, boolean countsAgainstHealth) {
        assertThat(type.recovery()).isEqualTo(recovery);
        assertThat(type.countsAgainstHealth()).isEqualTo(countsAgainstHealth);
        assertThat(type.endsRequest()).isEqualTo(recovery == Recovery.END);
    }

    @ParameterizedTest
    @EnumSource(ErrorType.class)
    void onlyAFailureNoOtherAttemptCouldFixEndsTheRequest(ErrorType type) {
        if (type.endsRequest()) {
            assertThat(type.retriable()).isFalse();
            assertThat(type.defaultStatus()).isBetween(400, 499);
        }
        if (type.recovery() == Recovery.RETRY_THEN_NEXT_CANDIDATE
                || type.recovery() == Recovery.NEXT_CANDIDATE_THEN_RETRY) {
            assertThat(type.retriable()).isTrue();
        }
    }

    @Test
    void everyTypeIsInTheTable() {
        assertThat(ErrorType.values()).hasSize(18);
    }
}
