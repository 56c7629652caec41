package ai.switchboard.gateway.it;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/** Registers providers, models and keys through the real admin API, as an admin would. */
public final class Fixtures {

    private final WebTestClient http;
    private final String adminKey;

    public Fixtures(WebTestClient http, String adminKey) {
        this.http = http;
        this.adminKey = adminKey;
    }

    /** An OpenAI-type provider at {@code baseUrl} with a fake credential. */
    public JsonNode provider(String name, String baseUrl) {
        return provider(Map.of("name", name, "type", "openai", "base_url", baseUrl, "api_key", "test-upstream-key"));
    }

    public JsonNode provider(Map<String, Object> body) {
        return post("/admin/v1/providers", body);
    }

    /** A model with the given capabilities (chat and streaming when none are given). */
    public JsonNode model(String name, String provider, String upstreamModel, String... capabilities) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("provider", provider);
        body.put("upstream_model", upstreamModel);
        body.put("capabilities", capabilities.length == 0 ? List.of("chat", "streaming") : List.of(capabilities));
        body.put("input_price_per_mtok", 0.15);
        body.put("output_price_per_mtok", 0.6);
        return post("/admin/v1/models", body);
    }

    /** A new inference key allowed to use {@code models} (every model when none are given); returns the secret. */
    public String key(String name, String... models) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("scopes", List.of("inference"));
        body.put("allowed_models", models.length == 0 ? List.of("*") : List.of(models));
        return post("/admin/v1/keys", body).path("key").asString();
    }

    /** A provider, a model on it and a key for it, all under one prefix; returns the key. */
    public String chatModel(String model, String provider, String baseUrl, String upstreamModel) {
        provider(provider, baseUrl);
        model(model, provider, upstreamModel, "chat", "streaming", "tools", "completions");
        return key(model + "-key", model);
    }

    public JsonNode post(String path, Object body) {
        return http.post().uri(path)
                .header("Authorization", "Bearer " + adminKey)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectStatus().isCreated()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
    }

    public WebTestClient.ResponseSpec patch(String path, Object body) {
        return http.patch().uri(path)
                .header("Authorization", "Bearer " + adminKey)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }

    public WebTestClient.ResponseSpec delete(String path) {
        return http.delete().uri(path).header("Authorization", "Bearer " + adminKey).exchange();
    }
}
