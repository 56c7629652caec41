package ai.switchboard.gateway.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import ai.switchboard.gateway.cache.HashedNgramEmbedding;
import ai.switchboard.registry.cache.CachePolicyAdminService;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The semantic cache measured on 100 paraphrase pairs and 100 non-paraphrase pairs (test resources, written for this
 * test; most non-paraphrases are on the same topic with most words in common). Each pair is a conversation of its
 * own (its own system prompt, so its own partition): the first question is asked, then the second; a hit on the
 * second is a hit on a paraphrase, or a false hit on a non-paraphrase.
 *
 * <p>The embeddings come from a loopback server computing {@link HashedNgramEmbedding}, a deterministic stand-in for
 * a real model: it measures shared wording, not meaning. The default threshold is tuned for real sentence-embedding
 * models, so the paraphrase hit rate here is a floor, not what production sees; the false-hit rate is the guarantee
 * this test enforces (at most 1%), and the gateway's decisions must match the stand-in's similarities exactly.
 */
class ParaphraseEvaluationIT extends GatewayIT {

    private static final JsonMapper JSON = JsonMapper.shared();
    private static List<String[]> paraphrases;
    private static List<String[]> different;
    private static HashedNgramEmbedding embedding;
    private static HttpServer embeddings;

    @BeforeAll
    static void startEmbeddings() throws IOException {
        paraphrases = pairs("semantic/paraphrases.tsv");
        different = pairs("semantic/non-paraphrases.tsv");
        embedding = new HashedNgramEmbedding(2048, Stream.concat(paraphrases.stream(), different.stream())
                .flatMap(Stream::of).toList());
        embeddings = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        embeddings.createContext("/local/v1/embeddings", exchange -> {
            try (InputStream in = exchange.getRequestBody(); OutputStream out = exchange.getResponseBody()) {
                String text = JSON.readTree(in.readAllBytes()).path("input").asString();
                ObjectNode answer = JSON.createObjectNode().put("object", "list").put("model", "local");
                ArrayNode vector = answer.putArray("data").addObject().put("object", "embedding").put("index", 0)
                        .putArray("embedding");
                for (float value : embedding.embed(text)) {
                    vector.add(value);
                }
                answer.putObject("usage").put("prompt_tokens", 8).put("total_tokens", 8);
                byte[] body = JSON.writeValueAsBytes(answer);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                out.write(body);
            }
        });
        embeddings.start();
    }

    @AfterAll
    static void stopEmbeddings() {
        embeddings.stop(0);
    }

    @Test
    void falseHitsOnNonParaphrasesStayAtOrBelowOnePercentAtTheDefaultThreshold() {
        String prefix = unique("paraphrase");
        UPSTREAM.stubFor(post(urlEqualTo("/" + prefix + "/v1/chat/completions")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody(UpstreamBodies.chatCompletion("m", "ok"))));
        fixtures.provider(prefix + "-p", upstreamBase(prefix));
        fixtures.provider(prefix + "-local", "http://localhost:" + embeddings.getAddress().getPort() + "/local/v1");
        fixtures.model(prefix + "-m", prefix + "-p", "m", "chat");
        fixtures.model(prefix + "-e", prefix + "-local", "local", "embeddings");
        fixtures.post("/admin/v1/cache-policies", Map.of("target_type", "model", "target", prefix + "-m",
                "mode", "semantic", "embedding_model", prefix + "-e"));
        String key = fixtures.key(prefix + "-key", prefix + "-m");
        double threshold = CachePolicyAdminService.DEFAULT_SIMILARITY_THRESHOLD;

        int paraphraseHits = hits(key, prefix + "-m", "paraphrase", paraphrases, threshold);
        int falseHits = hits(key, prefix + "-m", "different", different, threshold);

        StringBuilder report = new StringBuilder(String.format(Locale.ROOT, "Semantic cache at the default"
                + " threshold %.2f with the hashed n-gram stand-in: %d/%d paraphrases hit, %d/%d non-paraphrases"
                + " hit falsely%n", threshold, paraphraseHits, paraphrases.size(), falseHits, different.size()));
        for (double t : new double[] {0.95, 0.9, 0.85, 0.8, 0.75, 0.7, 0.6}) {
            report.append(String.format(Locale.ROOT, "  threshold %.2f: paraphrase hit rate %3d%%, false-hit rate"
                    + " %3d%%%n", t, offline(paraphrases, t), offline(different, t)));
        }
        System.out.print(report);
        assertThat(falseHits).as(report.toString()).isLessThanOrEqualTo(different.size() / 100);
    }

    /**
     * Asks each pair's first question, then its second, and counts the second's hits. Each hit and each miss must be
     * what the stand-in's similarity says at {@code threshold}: the gateway neither misses a match nor invents one.
     */
    private int hits(String key, String model, String set, List<String[]> pairs, double threshold) {
        int hits = 0;
        for (int i = 0; i < pairs.size(); i++) {
            String[] pair = pairs.get(i);
            String system = "Evaluation " + set + " pair " + i;
            assertThat(ask(key, model, system, pair[0])).as(pair[0]).isEqualTo("miss");
            boolean hit = "hit".equals(ask(key, model, system, pair[1]));
            double similarity = embedding.similarity(pair[0], pair[1]);
            if (Math.abs(similarity - threshold) > 1e-4) {
                assertThat(hit).as("%s / %s at %.4f", pair[0], pair[1], similarity).isEqualTo(similarity >= threshold);
            }
            hits += hit ? 1 : 0;
        }
        return hits;
    }

    private String ask(String key, String model, String system, String question) {
        Map<String, Object> body = Map.of("model", model, "temperature", 0, "messages", List.of(
                Map.of("role", "system", "content", system), Map.of("role", "user", "content", question)));
        return http.post().uri("/v1/chat/completions").header("Authorization", "Bearer " + key)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange().expectStatus().isOk()
                .expectBody().returnResult().getResponseHeaders().getFirst("x-switchboard-cache");
    }

    /** The share of pairs (percent) whose stand-in similarity reaches {@code threshold}. */
    private static long offline(List<String[]> pairs, double threshold) {
        return Math.round(100.0 * pairs.stream().filter(p -> embedding.similarity(p[0], p[1]) >= threshold).count()
                / pairs.size());
    }

    private static List<String[]> pairs(String resource) throws IOException {
        try (InputStream in = ParaphraseEvaluationIT.class.getClassLoader().getResourceAsStream(resource)) {
            List<String[]> pairs = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    String[] pair = line.split("\t");
                    assertThat(pair).as(line).hasSize(2);
                    pairs.add(pair);
                }
            }
            return pairs;
        }
    }
}
