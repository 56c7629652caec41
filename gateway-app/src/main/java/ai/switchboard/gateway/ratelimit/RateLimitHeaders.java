package ai.switchboard.gateway.ratelimit;

import org.springframework.http.HttpHeaders;

/**
 * OpenAI's rate-limit headers: {@code x-ratelimit-limit-requests}, {@code x-ratelimit-remaining-requests},
 * {@code x-ratelimit-reset-requests} and their {@code -tokens} forms, the reset written as a Go duration like
 * OpenAI's ({@code 1s}, {@code 6m0s}, {@code 20ms}, {@code 59.5s}). When several limits apply to a request (its
 * key's, its team's, its model's), each dimension shows the one with the least left.
 */
public final class RateLimitHeaders {

    public static final String LIMIT_REQUESTS = "x-ratelimit-limit-requests";
    public static final String REMAINING_REQUESTS = "x-ratelimit-remaining-requests";
    public static final String RESET_REQUESTS = "x-ratelimit-reset-requests";
    public static final String LIMIT_TOKENS = "x-ratelimit-limit-tokens";
    public static final String REMAINING_TOKENS = "x-ratelimit-remaining-tokens";
    public static final String RESET_TOKENS = "x-ratelimit-reset-tokens";
    /** Milliseconds, as OpenAI's SDKs read first, beside {@code Retry-After}'s whole seconds. */
    public static final String RETRY_AFTER_MS = "retry-after-ms";

    private RateLimitHeaders() {
    }

    /** Shows this limit's state in {@code headers} unless a tighter limit of the same dimension is shown already. */
    static void show(HttpHeaders headers, boolean tokens, long limit, long remaining, long resetMillis) {
        String remainingName = tokens ? REMAINING_TOKENS : REMAINING_REQUESTS;
        String shown = headers.getFirst(remainingName);
        if (shown != null && Long.parseLong(shown) <= remaining) {
            return;
        }
        headers.set(tokens ? LIMIT_TOKENS : LIMIT_REQUESTS, Long.toString(limit));
        headers.set(remainingName, Long.toString(remaining));
        headers.set(tokens ? RESET_TOKENS : RESET_REQUESTS, duration(resetMillis));
    }

    /** A duration as Go prints it (OpenAI's format), to the millisecond: {@code 0s}, {@code 20ms}, {@code 1m0.5s}. */
    public static String duration(long millis) {
        if (millis <= 0) {
            return "0s";
        }
        if (millis < 1000) {
            return millis + "ms";
        }
        StringBuilder text = new StringBuilder();
        long hours = millis / 3_600_000;
        long minutes = millis / 60_000 % 60;
        long seconds = millis / 1000 % 60;
        long fraction = millis % 1000;
        if (hours > 0) {
            text.append(hours).append('h');
        }
        if (hours > 0 || minutes > 0) {
            text.append(minutes).append('m');
        }
        text.append(seconds);
        if (fraction > 0) {
            // Three digits without trailing zeros (.5, .25, .125), built by hand: this runs on every limited request,
            // and String.format parses its pattern each time.
            text.append('.').append((char) ('0' + fraction / 100));
            if (fraction % 100 > 0) {
                text.append((char) ('0' + fraction / 10 % 10));
                if (fraction % 10 > 0) {
                    text.append((char) ('0' + fraction % 10));
                }
            }
        }
        return text.append('s').toString();
    }
}
