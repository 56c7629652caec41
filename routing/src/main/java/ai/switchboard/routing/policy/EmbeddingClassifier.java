package ai.switchboard.routing.policy;

import ai.switchboard.providers.api.EmbeddingRequest;
import ai.switchboard.providers.api.EmbeddingResponse;
import ai.switchboard.providers.json.WireJson;
import ai.switchboard.routing.execution.RoutingFailedException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

/**
 * {@code embeddings}: embeds the last user message and compares it (cosine similarity) with each specialist's
 * example phrases; the specialist with the most similar example wins when that similarity reaches the threshold.
 * Ties go to the specialist listed first.
 *
 * <p>The examples are embedded once, on first use, and kept for the life of this classifier, which is built per
 * route revision: editing the route embeds them again. A failed embedding of the examples is not kept, so the
 * next request tries again.
 */
final class EmbeddingClassifier implements SpecialistClassifier {

    static final String KIND = "embeddings";

    private final List<Specialist> specialists;
    private final String model;
    private final double threshold;
    private final List<String> exampleTexts;
    private final AtomicReference<Mono<List<double[]>>> loading = new AtomicReference<>();
    private volatile List<double[]> exampleVectors;

    EmbeddingClassifier(List<Specialist> specialists, String model, double threshold) {
        this.specialists = List.copyOf(specialists);
        this.model = model;
        this.threshold = threshold;
        List<String> texts = new ArrayList<>();
        specialists.forEach(specialist -> texts.addAll(specialist.examples()));
        this.exampleTexts = List.copyOf(texts);
    }

    @Override
    public Mono<Classification> classify(RoutingRequest request) {
        String text = request.lastUserText();
        if (request.embedder() == null || text.isBlank()) {
            return Mono.just(Classification.none(text.isBlank() ? "no user text" : "no embeddings available"));
        }
        return Mono.zip(examples(request), vectors(request, List.of(text)))
                .map(both -> choose(both.getT1(), both.getT2().get(0)))
                .onErrorResume(failure -> Mono.just(Classification.none(failure instanceof RoutingFailedException failed
                        ? "embeddings failed (" + failed.decisive().type().tag() + ")"
                        : "embeddings unusable (" + failure.getMessage() + ")")));
    }

    /** The best specialist for a query vector, given the example vectors in configuration order. */
    Classification choose(List<double[]> examples, double[] query) {
        Specialist best = null;
        double bestSimilarity = Double.NEGATIVE_INFINITY;
        int next = 0;
        for (Specialist specialist : specialists) {
            double similarity = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < specialist.examples().size(); i++) {
                similarity = Math.max(similarity, cosine(query, examples.get(next++)));
            }
            if (similarity > bestSimilarity) {
                best = specialist;
                bestSimilarity = similarity;
            }
        }
        String score = String.format(Locale.ROOT, "%.3f", bestSimilarity);
        if (best == null || bestSimilarity < threshold) {
            return Classification.none("best similarity " + score + " below " + threshold);
        }
        return Classification.chose(best.label(), "similarity " + score);
    }

    private Mono<List<double[]>> examples(RoutingRequest request) {
        List<double[]> ready = exampleVectors;
        if (ready != null) {
            return Mono.just(ready);
        }
        Mono<List<double[]>> inFlight = loading.get();
        if (inFlight != null) {
            return inFlight;
        }
        // Concurrent first requests share one embedding call; the slot is freed when it ends, so a failure is
        // retried by a later request instead of being remembered.
        Mono<List<double[]>> load = vectors(request, exampleTexts)
                .doOnNext(vectors -> exampleVectors = vectors)
                .doFinally(signal -> loading.set(null))
                .cache();
        return loading.compareAndSet(null, load) ? load : Mono.defer(() -> examples(request));
    }

    private Mono<List<double[]>> vectors(RoutingRequest request, List<String> texts) {
        ArrayNode input = WireJson.mapper().createArrayNode();
        texts.forEach(input::add);
        EmbeddingRequest embedding = new EmbeddingRequest(model, input, "float", null, null, null);
        // The route engine counts the embedding call's usage and cost, as it does for every call a policy makes.
        return request.embedder().embed(model, embedding).map(response -> parse(response, texts.size()));
    }

    static List<double[]> parse(EmbeddingResponse response, int expected) {
        if (response.data().size() != expected) {
            throw new IllegalStateException(response.data().size() + " vectors for " + expected + " inputs");
        }
        List<EmbeddingResponse.Embedding> ordered = new ArrayList<>(response.data());
        ordered.sort(Comparator.comparingInt(e -> e.index() == null ? 0 : e.index()));
        List<double[]> vectors = new ArrayList<>(expected);
        for (EmbeddingResponse.Embedding embedding : ordered) {
            JsonNode values = embedding.embedding();
            if (values == null || !values.isArray() || values.isEmpty()) {
                throw new IllegalStateException("a vector is not a float array");
            }
            double[] vector = new double[values.size()];
            for (int i = 0; i < vector.length; i++) {
                vector[i] = values.get(i).asDouble();
            }
            vectors.add(vector);
        }
        return vectors;
    }

    static double cosine(double[] a, double[] b) {
        if (a.length != b.length) {
            throw new IllegalStateException("vectors of " + a.length + " and " + b.length + " dimensions");
        }
        double dot = 0;
        double normA = 0;
        double normB = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            normA += a[i] * a[i];
            normB += b[i] * b[i];
        }
        return normA == 0 || normB == 0 ? 0 : dot / Math.sqrt(normA * normB);
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Set<String> targets() {
        return model == null ? Set.of() : Set.of(model);
    }
}
