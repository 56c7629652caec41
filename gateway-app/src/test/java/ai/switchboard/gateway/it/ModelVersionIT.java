package ai.switchboard.gateway.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/**
 * A model's registry {@code version} travels with every answer it gives, so an answer can be traced to the upstream
 * version it came from: {@code GET /v1/models}, the {@code x-switchboard-model-version} header, and the ledger row
 * (the request span carries it too: RequestObserverTests). A model without a version shows none.
 */
class ModelVersionIT extends GatewayIT {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theVersionOfTheModelThatAnsweredIsListedSentAndLedgered() {
        String prefix = unique("version");
        UPSTREAM.stubFor(post(urlEqualTo("/" + prefix + "/v1/chat/completions"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody(UpstreamBodies.chatCompletion("gpt-4o-mini", "Hello!"))));
        fixtures.provider(prefix + "-p", upstreamBase(prefix));
        fixtures.post("/admin/v1/models", Map.of("name", prefix + "-pinned", "provider", prefix + "-p",
                "upstream_model", "gpt-4o-mini-2024-07-18", "version", "2024-07-18",
                "capabilities", List.of("chat")));
        fixtures.model(prefix + "-floating", prefix + "-p", "gpt-4o-mini");
        String key = fixtures.key(prefix + "-k", prefix + "-pinned", prefix + "-floating");

        JsonNode listing = http.get().uri("/v1/models").header("Authorization", "Bearer " + key).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(entry(listing, prefix + "-pinned").path("version").asString()).isEqualTo("2024-07-18");
        assertThat(entry(listing, prefix + "-floating").has("version")).as("no version, no field").isFalse();

        String pinned = chat(key, prefix + "-pinned").expectHeader()
                .valueEquals("x-switchboard-model-version", "2024-07-18")
                .returnResult(String.class).getResponseHeaders().getFirst("x-request-id");
        String floating = chat(key, prefix + "-floating").expectHeader().doesNotExist("x-switchboard-model-version")
                .returnResult(String.class).getResponseHeaders().getFirst("x-request-id");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jdbc.queryForList(
                "SELECT request_id, coalesce(model_version, '-') AS v FROM usage_ledger WHERE request_id IN (?, ?)",
                pinned, floating)).containsExactlyInAnyOrder(Map.of("request_id", pinned, "v", "2024-07-18"),
                Map.of("request_id", floating, "v", "-")));
    }

    private WebTestClient.ResponseSpec chat(String key, String model) {
        return http.post().uri("/v1/chat/completions").header("Authorization", "Bearer " + key)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"model\":\"" + model + "\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")
                .exchange().expectStatus().isOk();
    }

    private static JsonNode entry(JsonNode listing, String id) {
        return listing.path("data").valueStream().filter(model -> model.path("id").asString().equals(id)).findFirst()
                .orElseThrow();
    }
}
