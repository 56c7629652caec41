package ai.switchboard.providers.error;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.springframework.http.HttpHeaders;

/**
 * Reads how long an upstream asked callers to wait, the way the official OpenAI SDKs do: {@code retry-after-ms}
 * first, then {@code retry-after} as (possibly fractional) seconds or as an HTTP-date.
 */
final class RetryAfter {

    private RetryAfter() {
    }

    /** The delay, never negative, or {@code null} when the headers give none or give garbage. */
    static Duration parse(HttpHeaders headers, Clock clock) {
        if (headers == null) {
            return null;
        }
        Duration millis = number(headers.getFirst("retry-after-ms"), 1);
        if (millis != null) {
            return millis;
        }
        String value = headers.getFirst(HttpHeaders.RETRY_AFTER);
        if (value == null || value.isBlank()) {
            return null;
        }
        Duration seconds = number(value, 1000);
        return seconds != null ? seconds : date(value.trim(), clock.instant());
    }

    private static Duration number(String value, long millisPerUnit) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            double amount = Double.parseDouble(value.trim());
            if (Double.isNaN(amount) || Double.isInfinite(amount)) {
                return null;
            }
            return Duration.ofMillis(Math.max(0, Math.round(amount * millisPerUnit)));
        }
        catch (NumberFormatException notANumber) {
            return null;
        }
    }

    private static Duration date(String value, Instant now) {
        try {
            Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration delay = Duration.between(now, at);
            return delay.isNegative() ? Duration.ZERO : delay;
        }
        catch (DateTimeParseException notADate) {
            return null;
        }
    }
}
