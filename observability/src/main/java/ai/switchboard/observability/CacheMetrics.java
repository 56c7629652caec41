package ai.switchboard.observability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;

/**
 * What the response cache did, by model (the public name that produced the answer; the name the client sent on a
 * miss that produced nothing) and API, never by key or prompt: look-ups by result, bytes served from it, and the
 * tokens and dollars a hit saved.
 */
public final class CacheMetrics {

    /** Look-ups by {@code result}; {@code switchboard_cache_requests_total}. */
    public static final String REQUESTS = "switchboard.cache.requests";
    /** Bytes of answers served from the cache; {@code switchboard_cache_served_bytes_total}. */
    public static final String SERVED_BYTES = "switchboard.cache.served.bytes";
    /** Bytes of answers stored; {@code switchboard_cache_stored_bytes_total}. */
    public static final String STORED_BYTES = "switchboard.cache.stored.bytes";
    /** Tokens a hit did not spend, by {@code type} (input, output); {@code switchboard_cache_saved_tokens_total}. */
    public static final String SAVED_TOKENS = "switchboard.cache.saved.tokens";
    /** Dollars a hit did not spend; {@code switchboard_cache_saved_usd_total}. */
    public static final String SAVED_USD = "switchboard.cache.saved.usd";
    /** Shared-tier reads or writes that failed; the replica then serves from its own tier only for a while. */
    public static final String SHARED_FAILURES = "switchboard.cache.shared.failures";
    /** {@code hit}, {@code miss} or {@code bypass}. */
    public static final String RESULT = "result";
    public static final String MODEL = "model";
    public static final String API = "api";

    private final MeterRegistry registry;
    private final Counter sharedFailures;

    public CacheMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.sharedFailures = Counter.builder(SHARED_FAILURES)
                .description("Shared response-cache reads or writes that failed").register(registry);
    }

    /** One request the cache looked at, and what it found. */
    public void request(String api, String model, String result) {
        Counter.builder(REQUESTS).description("Requests a response-cache policy covered, by result")
                .tag(API, api).tag(MODEL, model).tag(RESULT, result).register(registry).increment();
    }

    /** A hit: what it served and what it saved ({@code costUsd} {@code null} when the model has no price). */
    public void hit(String api, String model, long bytes, long inputTokens, long outputTokens, BigDecimal costUsd) {
        Counter.builder(SERVED_BYTES).baseUnit("bytes").description("Bytes of answers served from the response cache")
                .tag(API, api).tag(MODEL, model).register(registry).increment(bytes);
        Counter.builder(SAVED_TOKENS).description("Tokens not spent thanks to the response cache")
                .tag(MODEL, model).tag("type", "input").register(registry).increment(inputTokens);
        Counter.builder(SAVED_TOKENS).description("Tokens not spent thanks to the response cache")
                .tag(MODEL, model).tag("type", "output").register(registry).increment(outputTokens);
        if (costUsd != null) {
            Counter.builder(SAVED_USD).description("US dollars not spent thanks to the response cache")
                    .tag(MODEL, model).register(registry).increment(costUsd.doubleValue());
        }
    }

    /** An answer stored. */
    public void stored(String api, String model, long bytes) {
        Counter.builder(STORED_BYTES).baseUnit("bytes").description("Bytes of answers stored in the response cache")
                .tag(API, api).tag(MODEL, model).register(registry).increment(bytes);
    }

    public void sharedFailure() {
        sharedFailures.increment();
    }
}
