package ai.switchboard.observability.request;

import ai.switchboard.observability.usage.AgentUsage;
import ai.switchboard.observability.usage.CacheUsage;
import ai.switchboard.observability.usage.ModelPrice;
import ai.switchboard.observability.usage.PromptUsage;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * What the request path knows when a request has ended; {@link RequestObserver#finished} turns it into server metrics,
 * span attributes, a ledger record and an access-log line. Build it with {@link #builder}. Only registry names, ids and
 * the closed error taxonomy go in here: never a key's secret, a user, or prompt text.
 *
 * @param requestModel the public model name the client asked for ({@code null} if unreadable)
 * @param model the public model name that answered, after routing ({@code null} when none did)
 * @param modelVersion the registry's version of that model ({@code null} when none is recorded)
 * @param errorType the error taxonomy tag, {@code null} on success
 * @param ttftNanos time to the first token sent to the client, {@code -1} when not streamed or none was sent
 * @param cascadeStep the cascade step that answered ({@code 0} for the first or for non-cascade routes)
 * @param inputTokens every prompt token the request cost: the answer's and those of calls consumed inside the gateway
 * @param costUsd the exact cost of all of them, each call at its own model's prices, or {@code null} when a price was
 *     unknown
 * @param cache what the response cache did, or {@code null} when no cache policy covered the request
 * @param prompt the prompt template version the answer was built from, or {@code null}
 */
public record RequestSummary(
        String requestId,
        Instant startedAt,
        UUID keyId,
        String keyPrefix,
        String operation,
        String route,
        String routePolicy,
        String requestModel,
        String model,
        String modelVersion,
        String provider,
        boolean stream,
        int status,
        String errorType,
        long inputTokens,
        long outputTokens,
        long cachedTokens,
        long latencyNanos,
        long ttftNanos,
        int attempts,
        int fallbacks,
        int cascadeStep,
        BigDecimal costUsd,
        CacheUsage cache,
        PromptUsage prompt,
        AgentUsage agent) {

    public RequestSummary {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(operation, "operation");
    }

    /** A request no prompt template built and no agent ran. */
    public RequestSummary(String requestId, Instant startedAt, UUID keyId, String keyPrefix, String operation,
            String route, String routePolicy, String requestModel, String model, String modelVersion, String provider,
            boolean stream, int status, String errorType, long inputTokens, long outputTokens, long cachedTokens,
            long latencyNanos, long ttftNanos, int attempts, int fallbacks, int cascadeStep, BigDecimal costUsd,
            CacheUsage cache) {
        this(requestId, startedAt, keyId, keyPrefix, operation, route, routePolicy, requestModel, model, modelVersion,
                provider, stream, status, errorType, inputTokens, outputTokens, cachedTokens, latencyNanos, ttftNanos,
                attempts, fallbacks, cascadeStep, costUsd, cache, null, null);
    }

    public boolean succeeded() {
        return errorType == null;
    }

    public static Builder builder(String requestId, Instant startedAt, String operation) {
        return new Builder(requestId, startedAt, operation);
    }

    /** Collects the fields as the request path learns them; unset counts are zero, unset names {@code null}. */
    public static final class Builder {

        private final String requestId;
        private final Instant startedAt;
        private final String operation;
        private UUID keyId;
        private String keyPrefix;
        private String route;
        private String routePolicy;
        private String requestModel;
        private String model;
        private String modelVersion;
        private PromptUsage prompt;
        private String provider;
        private boolean stream;
        private int status = 200;
        private String errorType;
        private long inputTokens;
        private long outputTokens;
        private long cachedTokens;
        private long latencyNanos;
        private long ttftNanos = -1;
        private int attempts;
        private int fallbacks;
        private int cascadeStep;
        private ModelPrice price = ModelPrice.unknown();
        private long extraInputTokens;
        private long extraOutputTokens;
        private BigDecimal extraCost = BigDecimal.ZERO;
        private CacheUsage cache;
        private AgentUsage agent;

        private Builder(String requestId, Instant startedAt, String operation) {
            this.requestId = requestId;
            this.startedAt = startedAt;
            this.operation = operation;
        }

        public Builder key(UUID id, String prefix) {
            this.keyId = id;
            this.keyPrefix = prefix;
            return this;
        }

        public Builder route(String name, String policy) {
            this.route = name;
            this.routePolicy = policy;
            return this;
        }

        public Builder requestModel(String name) {
            this.requestModel = name;
            return this;
        }

        /** The deployment that answered: public model name, provider name and its prices. */
        public Builder servedBy(String modelName, String providerName, ModelPrice modelPrice) {
            this.model = modelName;
            this.provider = providerName;
            this.price = modelPrice == null ? ModelPrice.unknown() : modelPrice;
            return this;
        }

        /** What the response cache did, when a policy covered the request. */
        public Builder cache(CacheUsage usage) {
            this.cache = usage;
            return this;
        }

        /** The agent the request ran, if any. */
        public Builder agent(AgentUsage usage) {
            this.agent = usage;
            return this;
        }

        /** The prompt template version the answer was built from. */
        public Builder prompt(PromptUsage used) {
            this.prompt = used;
            return this;
        }

        /** The registry's version of the model that answered, if it records one. */
        public Builder modelVersion(String version) {
            this.modelVersion = version;
            return this;
        }

        public Builder stream(boolean streamed) {
            this.stream = streamed;
            return this;
        }

        /** The client's HTTP status and the error taxonomy tag ({@code null} on success). */
        public Builder outcome(int httpStatus, String error) {
            this.status = httpStatus;
            this.errorType = error;
            return this;
        }

        /**
         * Tokens and cost of calls whose answers the gateway consumed (cascade steps, judges, ensemble members,
         * classifiers), already priced at their own models' prices; {@code cost} is {@code null} when one was unknown.
         */
        public Builder extraUsage(long input, long output, BigDecimal cost) {
            this.extraInputTokens = input;
            this.extraOutputTokens = output;
            this.extraCost = cost;
            return this;
        }

        /** The answer's own tokens, priced at the answering model's prices. */
        public Builder tokens(long input, long output, long cached) {
            this.inputTokens = input;
            this.outputTokens = output;
            this.cachedTokens = cached;
            return this;
        }

        /** Total latency and time to first token, in nanoseconds ({@code -1} for no first token). */
        public Builder timing(long latency, long timeToFirstToken) {
            this.latencyNanos = latency;
            this.ttftNanos = timeToFirstToken;
            return this;
        }

        public Builder attempts(int attemptCount, int fallbackCount, int step) {
            this.attempts = attemptCount;
            this.fallbacks = fallbackCount;
            this.cascadeStep = step;
            return this;
        }

        public RequestSummary build() {
            BigDecimal answered = price.cost(inputTokens, outputTokens, cachedTokens);
            BigDecimal cost = answered == null || extraCost == null ? null : answered.add(extraCost);
            return new RequestSummary(requestId, startedAt, keyId, keyPrefix, operation, route, routePolicy,
                    requestModel, model, modelVersion, provider, stream, status, errorType, inputTokens + extraInputTokens,
                    outputTokens + extraOutputTokens, cachedTokens, latencyNanos, ttftNanos, attempts, fallbacks,
                    cascadeStep, cost, cache, prompt, agent);
        }
    }
}
