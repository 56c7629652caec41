package ai.switchboard.gateway.cache;

import ai.switchboard.gateway.pipeline.Api;
import ai.switchboard.providers.api.EmbeddingRequest;
import ai.switchboard.providers.api.EmbeddingResponse;
import ai.switchboard.providers.api.EmbeddingResponse.Embedding;
import ai.switchboard.providers.api.ErrorType;
import ai.switchboard.providers.api.ProviderException;
import ai.switchboard.providers.api.Usage;
import ai.switchboard.providers.json.WireJson;
import ai.switchboard.registry.ApiKeyRecord;
import ai.switchboard.routing.Target;
import ai.switchboard.routing.policy.PromptTokens;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * An embeddings request cached per input text. Each text has its own key: the request with that text as its only
 * input, so the model, {@code dimensions}, {@code encoding_format} and any other field still count, and a text
 * embedded in one batch is found from any other. The texts found are served from the cache; only the rest are sent
 * to the model, and its answer is put back in the client's order.
 */
final class EmbeddingBatch {

    private final List<String> texts;
    private final String[] keys;
    private final CachedAnswer[] found;

    private EmbeddingBatch(List<String> texts, String[] keys) {
        this.texts = texts;
        this.keys = keys;
        this.found = new CachedAnswer[keys.length];
    }

    /** The batch of a request of texts, or {@code null} for one of token ids (cached whole, by its exact key). */
    static EmbeddingBatch of(Api api, ApiKeyRecord caller, boolean shared, Target target, EmbeddingRequest request) {
        List<String> texts = request.texts();
        if (texts.isEmpty()) {
            return null;
        }
        String[] keys = new String[texts.size()];
        for (int i = 0; i < keys.length; i++) {
            EmbeddingRequest one = new EmbeddingRequest(null, JsonNodeFactory.instance.stringNode(texts.get(i)),
                    request.encodingFormat(), request.dimensions(), null, request.extra());
            keys[i] = CacheKeys.of(api, caller, shared, target, one);
        }
        return new EmbeddingBatch(texts, keys);
    }

    int size() {
        return keys.length;
    }

    String key(int index) {
        return keys[index];
    }

    CachedAnswer found(int index) {
        return found[index];
    }

    void found(int index, CachedAnswer answer) {
        found[index] = answer;
    }

    /** The positions of the texts the cache does not hold, in order. */
    List<Integer> missing() {
        List<Integer> missing = new ArrayList<>();
        for (int i = 0; i < found.length; i++) {
            if (found[i] == null) {
                missing.add(i);
            }
        }
        return missing;
    }

    /** The bytes of the entries served from the cache. */
    long foundBytes() {
        long bytes = 0;
        for (CachedAnswer answer : found) {
            bytes += answer == null ? 0 : answer.body().length;
        }
        return bytes;
    }

    /** The prompt tokens the texts served from the cache cost when they were embedded. */
    long savedInputTokens() {
        long saved = 0;
        for (CachedAnswer answer : found) {
            saved += answer == null ? 0 : answer.inputTokens();
        }
        return saved;
    }

    /** What the texts served from the cache cost when they were embedded, or {@code null} when none had a price. */
    BigDecimal savedCostUsd() {
        BigDecimal saved = null;
        for (CachedAnswer answer : found) {
            if (answer != null && answer.costUsd() != null) {
                saved = saved == null ? answer.costUsd() : saved.add(answer.costUsd());
            }
        }
        return saved;
    }

    /** The request for the model: the original with only the texts the cache does not hold. */
    EmbeddingRequest missingRequest(EmbeddingRequest original) {
        List<Integer> missing = missing();
        if (missing.size() == texts.size()) {
            return original;
        }
        ArrayNode input = JsonNodeFactory.instance.arrayNode(missing.size());
        missing.forEach(i -> input.add(texts.get(i)));
        return new EmbeddingRequest(original.model(), input, original.encodingFormat(), original.dimensions(),
                original.user(), original.extra());
    }

    /**
     * The client's answer: the cached vectors and the model's, in the client's order. Its usage is the model's, so it
     * counts only the texts the model embedded.
     *
     * @throws ProviderException when the model did not answer one vector per text it was sent
     */
    EmbeddingResponse assemble(EmbeddingResponse upstream) {
        List<Integer> missing = missing();
        if (upstream.data().size() != missing.size()) {
            throw ProviderException.of(ErrorType.MALFORMED_RESPONSE, "The model returned " + upstream.data().size()
                    + " embeddings for " + missing.size() + " inputs");
        }
        List<Embedding> fresh = new ArrayList<>(upstream.data());
        fresh.sort(Comparator.comparingInt(e -> e.index() == null ? 0 : e.index()));
        List<Embedding> data = new ArrayList<>(texts.size());
        int next = 0;
        for (int i = 0; i < texts.size(); i++) {
            JsonNode vector = found[i] != null ? stored(found[i]).embedding() : fresh.get(next++).embedding();
            data.add(new Embedding("embedding", i, vector));
        }
        return new EmbeddingResponse("list", data, upstream.model(), upstream.usage(), upstream.extra());
    }

    /** The answer when the cache holds every text: nothing was embedded now, so it used no tokens. */
    CachedAnswer wholeHit(long expiresAtMillis) {
        List<Embedding> data = new ArrayList<>(texts.size());
        long inputTokens = 0;
        for (int i = 0; i < found.length; i++) {
            data.add(new Embedding("embedding", i, stored(found[i]).embedding()));
            inputTokens += found[i].inputTokens();
            expiresAtMillis = Math.min(expiresAtMillis, found[i].expiresAtMillis());
        }
        EmbeddingResponse response = new EmbeddingResponse("list", data, stored(found[0]).model(),
                new Usage(0, null, 0, null, null, null), null);
        return new CachedAnswer(WireJson.mapper().writeValueAsBytes(response), found[0].model(), inputTokens, 0,
                savedCostUsd(), expiresAtMillis);
    }

    /**
     * The entries to store for the texts the model embedded now, each with its share of what the call cost (the
     * model reports one count for the batch; it is shared out by each text's estimated tokens).
     */
    List<Entry> entries(EmbeddingResponse assembled, String model, long inputTokens, BigDecimal costUsd,
            long expiresAtMillis, int maxEntryBytes) {
        List<Integer> missing = missing();
        long[] weights = new long[missing.size()];
        long total = 0;
        for (int j = 0; j < weights.length; j++) {
            weights[j] = Math.max(1, PromptTokens.count(texts.get(missing.get(j))));
            total += weights[j];
        }
        List<Entry> entries = new ArrayList<>(missing.size());
        long tokensLeft = inputTokens;
        for (int j = 0; j < weights.length; j++) {
            long tokens = j == weights.length - 1 ? tokensLeft : inputTokens * weights[j] / total;
            tokensLeft -= tokens;
            BigDecimal cost = costUsd == null ? null : costUsd.multiply(BigDecimal.valueOf(weights[j]))
                    .divide(BigDecimal.valueOf(total), 12, RoundingMode.HALF_EVEN);
            int index = missing.get(j);
            byte[] body = WireJson.mapper().writeValueAsBytes(
                    new StoredEmbedding(assembled.model(), assembled.data().get(index).embedding()));
            if (body.length <= maxEntryBytes) {
                entries.add(new Entry(keys[index], new CachedAnswer(body, model, tokens, 0, cost, expiresAtMillis)));
            }
        }
        return entries;
    }

    private static StoredEmbedding stored(CachedAnswer answer) {
        return WireJson.mapper().readValue(answer.body(), StoredEmbedding.class);
    }

    /** One text's entry to store. */
    record Entry(String key, CachedAnswer answer) {
    }

    /** What is stored for one text: its vector as the model sent it, and the model's own name for itself. */
    record StoredEmbedding(String model, JsonNode embedding) {
    }
}
