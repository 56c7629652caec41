package ai.switchboard.gateway.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.switchboard.registry.testsupport.TestDatabase;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

/**
 * The response cache's shared tier across two gateway processes on one PostgreSQL: an answer one replica stored is a
 * hit on the other, which never held it in memory: a whole chat answer, one text of an embeddings batch, and an
 * answer found by meaning (the semantic tier).
 */
class SharedCacheReplicasIT {

    @Test
    void anAnswerStoredByOneReplicaIsAHitOnTheOther() {
        String prefix = GatewayIT.unique("cache-replicas");
        GatewayIT.UPSTREAM.stubFor(post(urlEqualTo("/" + prefix + "/v1/chat/completions")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json")
                .withBody(UpstreamBodies.chatCompletion("m", "from upstream"))));
        GatewayIT.UPSTREAM.stubFor(post(urlEqualTo("/" + prefix + "/v1/embeddings")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody(UpstreamBodies.embeddings("e"))));
        stubVector(prefix, "What are your opening hours?", "[1.0, 0.0, 0.0]");
        stubVector(prefix, "When are you open?", "[0.98, 0.199, 0.0]");
        stubVector(prefix, "warming up", "[0.0, 0.0, 1.0]");
        stubVector(prefix, "Opening hours?", "[0.0, 1.0, 0.0]");
        JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(TestDatabase.jdbcUrl(),
                TestDatabase.username(), TestDatabase.password()));
        try (GatewayInstance a = GatewayInstance.start(); GatewayInstance b = GatewayInstance.start()) {
            a.fixtures.provider(prefix + "-p", GatewayIT.upstreamBase(prefix));
            a.fixtures.model(prefix + "-m", prefix + "-p", "m", "chat");
            a.fixtures.model(prefix + "-e", prefix + "-p", "e", "embeddings");
            String key = a.fixtures.key(prefix + "-key", prefix + "-m", prefix + "-e");
            a.fixtures.post("/admin/v1/cache-policies", Map.of("target_type", "model", "target", prefix + "-m",
                    "mode", "semantic", "embedding_model", prefix + "-e"));
            a.fixtures.post("/admin/v1/cache-policies", Map.of("target_type", "model", "target", prefix + "-e"));
            // B learns of the policies through NOTIFY; until then its requests are not covered and carry no header.
            // A generous bound: a fresh replica's first requests are slow on a loaded machine.
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() ->
                    "miss".equals(cacheHeader(chat(b, key, prefix + "-m", "warming up"))));

            assertThat(cacheHeader(chat(a, key, prefix + "-m", "Opening hours?"))).isEqualTo("miss");
            assertThat(cacheHeader(chat(a, key, prefix + "-m", "What are your opening hours?"))).isEqualTo("miss");
            assertThat(cacheHeader(embed(a, key, prefix + "-e", "[\"first\",\"second\"]"))).isEqualTo("miss");
            // The shared write is in the background: wait until it landed, not for a fixed time.
            await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                    "SELECT count(*) FROM response_cache WHERE model IN (?, ?)", Long.class,
                    prefix + "-m", prefix + "-e") >= 5
                    && jdbc.queryForObject("SELECT count(*) FROM semantic_cache WHERE model = ?", Long.class,
                            prefix + "-m") >= 3);
            int chatCalls = upstreamCalls(prefix, "chat/completions");
            int embeddingCalls = upstreamCalls(prefix, "embeddings");

            EntityExchangeResult<byte[]> fromShared = chat(b, key, prefix + "-m", "Opening hours?");
            assertThat(cacheHeader(fromShared)).isEqualTo("hit");
            assertThat(new String(fromShared.getResponseBodyContent())).contains("from upstream");
            assertThat(cacheHeader(embed(b, key, prefix + "-e", "\"second\""))).isEqualTo("hit");
            assertThat(upstreamCalls(prefix, "embeddings")).isEqualTo(embeddingCalls);
            EntityExchangeResult<byte[]> byMeaning = chat(b, key, prefix + "-m", "When are you open?");
            assertThat(cacheHeader(byMeaning)).isEqualTo("hit");
            assertThat(byMeaning.getResponseHeaders().getFirst("x-switchboard-cache-similarity")).startsWith("0.98");
            assertThat(upstreamCalls(prefix, "chat/completions")).isEqualTo(chatCalls);
            // The semantic look-up embedded its question, the one model call a semantic hit makes.
            assertThat(upstreamCalls(prefix, "embeddings")).isEqualTo(embeddingCalls + 1);
        }
    }

    private static void stubVector(String prefix, String text, String vector) {
        GatewayIT.UPSTREAM.stubFor(post(urlEqualTo("/" + prefix + "/v1/embeddings"))
                .withRequestBody(matchingJsonPath("$.input", equalTo(text)))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(
                        "{\"object\":\"list\",\"data\":[{\"object\":\"embedding\",\"index\":0,\"embedding\":"
                                + vector + "}],\"model\":\"e\",\"usage\":{\"prompt_tokens\":5,\"total_tokens\":5}}")));
    }

    private static EntityExchangeResult<byte[]> chat(GatewayInstance gateway, String key, String model,
            String question) {
        return gateway.http.post().uri("/v1/chat/completions").header("Authorization", "Bearer " + key)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"model\":\"" + model + "\",\"temperature\":0,\"messages\":[{\"role\":\"user\","
                        + "\"content\":\"" + question + "\"}]}")
                .exchange().expectStatus().isOk().expectBody().returnResult();
    }

    private static EntityExchangeResult<byte[]> embed(GatewayInstance gateway, String key, String model,
            String input) {
        return gateway.http.post().uri("/v1/embeddings").header("Authorization", "Bearer " + key)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"model\":\"" + model + "\",\"input\":" + input + "}")
                .exchange().expectStatus().isOk().expectBody().returnResult();
    }

    private static String cacheHeader(EntityExchangeResult<byte[]> result) {
        return result.getResponseHeaders().getFirst("x-switchboard-cache");
    }

    private static int upstreamCalls(String prefix, String path) {
        return GatewayIT.UPSTREAM.findAll(postRequestedFor(urlEqualTo("/" + prefix + "/v1/" + path))).size();
    }
}
