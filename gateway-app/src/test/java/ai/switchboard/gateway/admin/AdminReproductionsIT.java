package ai.switchboard.gateway.admin;

import static org.assertj.core.api.Assertions.assertThat;

import ai.switchboard.gateway.it.GatewayIT;
import ai.switchboard.registry.key.LastUsedRecorder;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/** The admin API reproductions of issue 11 §3, each kept as a test, and the behaviour that replaced them. */
class AdminReproductionsIT extends GatewayIT {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    LastUsedRecorder lastUsed;

    @Test
    void aRouteWithoutPolicyIsA400NotA500ThroughTheApiAndTheFile() {
        String p = prefix();
        fixtures.provider(p + "-p", "https://upstream.example/v1");
        fixtures.model(p + "-m", p + "-p", "m");
        post("/admin/v1/routes", "{\"name\":\"" + p + "-r\",\"config\":{\"targets\":[\"" + p + "-m\"]}}")
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("policy");
        http.post().uri("/admin/v1/config:apply").header("Authorization", "Bearer " + ADMIN_KEY)
                .contentType(MediaType.parseMediaType("application/yaml"))
                .bodyValue("routes: [{name: " + p + "-r, config: {targets: [" + p + "-m]}}]").exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("routes[0].policy");
    }

    @Test
    void valuesTheDatabaseCannotHoldAre400sNamingTheFieldNotDuplicates() {
        String p = prefix();
        fixtures.provider(p + "-p", "https://upstream.example/v1");
        post("/admin/v1/models", "{\"name\":\"" + p + "-m\",\"provider\":\"" + p + "-p\",\"upstream_model\":\"m\","
                + "\"output_price_per_mtok\":1e30}")
                .expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("output_price_per_mtok");
        post("/admin/v1/providers", "{\"name\":\"" + p + "-long\",\"type\":\"openai\",\"base_url\":\"https://u.example/"
                + "a".repeat(2048) + "\"}")
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("base_url");
        // A real duplicate is still a 409, and names its field.
        post("/admin/v1/providers", "{\"name\":\"" + p + "-p\",\"type\":\"openai\",\"base_url\":\"https://u.example\"}")
                .expectStatus().isEqualTo(409).expectBody().jsonPath("$.errors[0].field").isEqualTo("name");
    }

    @Test
    void extraHeadersRefuseLineBreaksGatewayOwnedHeadersAndNamesThatAreNotTokens() {
        String p = prefix();
        for (String headers : List.of("{\"X-A\":\"a\\r\\nX-Injected: 1\"}", "{\"Host\":\"evil.example\"}",
                "{\"Transfer-Encoding\":\"chunked\"}", "{\"bad name\":\"v\"}")) {
            post("/admin/v1/providers", "{\"name\":\"" + p + "\",\"type\":\"openai\","
                    + "\"base_url\":\"https://u.example\",\"extra_headers\":" + headers + "}")
                    .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field")
                    .value(field -> assertThat((String) field).startsWith("extra_headers"));
        }
    }

    @Test
    void settingsAreCheckedByTheAdapterOfTheProviderType() {
        String p = prefix();
        for (String settings : List.of("{\"unknown\":\"x\"}", "{\"profile\":\"bogus\"}")) {
            post("/admin/v1/providers", "{\"name\":\"" + p + "\",\"type\":\"openai\","
                    + "\"base_url\":\"https://u.example\",\"settings\":" + settings + "}")
                    .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field")
                    .value(field -> assertThat((String) field).startsWith("settings."));
        }
        post("/admin/v1/providers", "{\"name\":\"" + p + "\",\"type\":\"openai\",\"base_url\":\"https://u.example\","
                + "\"settings\":{\"profile\":\"groq\"}}").expectStatus().isCreated();
    }

    @Test
    void baseUrlsWithAFragmentOrAPortOutsideOneTo65535AreRefused() {
        String p = prefix();
        for (String url : List.of("https://u.example/v1#frag", "http://u.example:0/v1", "http://u.example:99999/v1")) {
            post("/admin/v1/providers", "{\"name\":\"" + p + "\",\"type\":\"openai\",\"base_url\":\"" + url + "\"}")
                    .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("base_url");
        }
    }

    @Test
    void valuesAreNeverCoercedToTheFieldsType() {
        String p = prefix();
        fixtures.provider(p + "-p", "https://upstream.example/v1");
        post("/admin/v1/models", "{\"name\":\"" + p + "-m\",\"provider\":\"" + p + "-p\",\"upstream_model\":\"m\","
                + "\"context_window\":1.5}")
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("context_window");
        post("/admin/v1/models", "{\"name\":5,\"provider\":\"" + p + "-p\",\"upstream_model\":\"m\"}")
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("name");
        post("/admin/v1/models", "{\"name\":\"" + p + "-a\",\"name\":\"" + p + "-b\",\"provider\":\"" + p + "-p\","
                + "\"upstream_model\":\"m\"}")
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("name");
    }

    @Test
    void aModelARouteTargetsCanBeNeitherDeletedNorRenamed() {
        String p = prefix();
        fixtures.provider(p + "-p", "https://upstream.example/v1");
        fixtures.model(p + "-m", p + "-p", "m");
        fixtures.post("/admin/v1/routes", Map.of("name", p + "-r", "policy", "fallback",
                "config", Map.of("targets", List.of(p + "-m"))));

        fixtures.delete("/admin/v1/models/" + p + "-m").expectStatus().isEqualTo(409).expectBody()
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains(p + "-r"));
        fixtures.patch("/admin/v1/models/" + p + "-m", Map.of("name", p + "-renamed")).expectStatus().isEqualTo(409);

        fixtures.delete("/admin/v1/routes/" + p + "-r").expectStatus().isNoContent();
        fixtures.delete("/admin/v1/models/" + p + "-m").expectStatus().isNoContent();
    }

    @Test
    void aKeyCanBeRenamedRescopedReassignedAndGivenOrRelievedOfAnExpiry() {
        String p = prefix();
        fixtures.provider(p + "-p", "https://upstream.example/v1");
        fixtures.model(p + "-m", p + "-p", "m");
        String id = fixtures.post("/admin/v1/keys", Map.of("name", p + "-k", "scopes", List.of("inference"),
                "allowed_models", List.of())).path("id").asString();

        fixtures.patch("/admin/v1/keys/" + id, Map.of("name", p + "-renamed", "scopes", List.of("inference", "admin"),
                "allowed_models", List.of(p + "-m"), "expires_at", "2090-01-01T00:00:00Z"))
                .expectStatus().isOk().expectBody()
                .jsonPath("$.name").isEqualTo(p + "-renamed")
                .jsonPath("$.scopes.length()").isEqualTo(2)
                .jsonPath("$.allowed_models[0]").isEqualTo(p + "-m")
                .jsonPath("$.expires_at").isEqualTo("2090-01-01T00:00:00Z");
        patch("/admin/v1/keys/" + p + "-renamed", "{\"expires_at\":null}").expectStatus().isOk().expectBody()
                .jsonPath("$.expires_at").doesNotExist();
        fixtures.delete("/admin/v1/keys/" + id).expectStatus().isNoContent();
        fixtures.patch("/admin/v1/keys/" + id, Map.of("name", p + "-again")).expectStatus().isEqualTo(409);
    }

    @Test
    void emptyAllowedModelsMeansNoneAndStarMeansEvery() {
        String p = prefix();
        fixtures.provider(p + "-p", "https://upstream.example/v1");
        fixtures.model(p + "-m", p + "-p", "m");
        JsonNode none = fixtures.post("/admin/v1/keys", Map.of("name", p + "-none", "scopes", List.of("inference"),
                "allowed_models", List.of()));
        String every = fixtures.key(p + "-every");

        assertThat(modelIds(none.path("key").asString())).isEmpty();
        chat(none.path("key").asString(), p + "-m").expectStatus().isNotFound();
        assertThat(modelIds(every)).contains(p + "-m");

        fixtures.patch("/admin/v1/keys/" + none.path("id").asString(), Map.of("allowed_models", List.of(p + "-m")))
                .expectStatus().isOk();
        assertThat(modelIds(none.path("key").asString())).containsExactly(p + "-m");
        String exported = http.get().uri("/admin/v1/config").header("Authorization", "Bearer " + ADMIN_KEY)
                .accept(MediaType.APPLICATION_JSON).exchange().expectBody(String.class).returnResult()
                .getResponseBody();
        assertThat(exported).contains("{\"name\":\"" + p + "-every\",\"scopes\":[\"inference\"],"
                + "\"allowed_models\":[\"*\"]}");
    }

    @Test
    void lastUsedAtIsWrittenInTheBackgroundNotOnTheRequestPath() {
        String p = prefix();
        JsonNode key = fixtures.post("/admin/v1/keys", Map.of("name", p + "-k", "scopes", List.of("inference"),
                "allowed_models", List.of()));
        String id = key.path("id").asString();
        Instant before = Instant.now().minusSeconds(1);
        assertThat(lastUsedAt(id)).isNull();

        assertThat(modelIds(key.path("key").asString())).isEmpty();
        lastUsed.flush();

        assertThat(Instant.parse(lastUsedAt(id))).isAfter(before);
    }

    @Test
    void aPatchThatChangesNothingRecordsAndBumpsNothing() {
        String p = prefix();
        fixtures.provider(Map.of("name", p + "-p", "type", "openai", "base_url", "https://upstream.example/v1",
                "api_key", "sk-same", "settings", Map.of("profile", "openai")));
        fixtures.post("/admin/v1/models", Map.of("name", p + "-m", "provider", p + "-p", "upstream_model", "m",
                "input_price_per_mtok", 0.15, "capabilities", List.of("chat")));
        fixtures.post("/admin/v1/routes", Map.of("name", p + "-r", "policy", "fallback",
                "config", Map.of("targets", List.of(p + "-m")), "attempt_timeout_ms", 1000));
        String key = fixtures.post("/admin/v1/keys", Map.of("name", p + "-k", "scopes", List.of("inference"),
                "allowed_models", List.of(p + "-m"))).path("id").asString();
        long revision = revision();
        long audit = lastAudit();

        fixtures.patch("/admin/v1/providers/" + p + "-p", Map.of("type", "openai", "api_key", "sk-same",
                "settings", Map.of("profile", "openai"), "enabled", true)).expectStatus().isOk();
        fixtures.patch("/admin/v1/models/" + p + "-m", Map.of("name", p + "-m", "input_price_per_mtok", 0.150000,
                "capabilities", List.of("chat"))).expectStatus().isOk();
        fixtures.patch("/admin/v1/routes/" + p + "-r", Map.of("policy", "fallback",
                "config", Map.of("targets", List.of(p + "-m")), "attempt_timeout_ms", 1000)).expectStatus().isOk();
        fixtures.patch("/admin/v1/keys/" + key, Map.of("name", p + "-k", "allowed_models", List.of(p + "-m")))
                .expectStatus().isOk();

        assertThat(revision()).isEqualTo(revision);
        assertThat(lastAudit()).isEqualTo(audit);
        fixtures.patch("/admin/v1/models/" + p + "-m", Map.of("input_price_per_mtok", 0.2)).expectStatus().isOk();
        assertThat(revision()).isEqualTo(revision + 1);
    }

    private List<String> modelIds(String key) {
        JsonNode list = http.get().uri("/v1/models").header("Authorization", "Bearer " + key).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        return list.path("data").valueStream().map(model -> model.path("id").asString()).toList();
    }

    private WebTestClient.ResponseSpec chat(String key, String model) {
        return http.post().uri("/v1/chat/completions").header("Authorization", "Bearer " + key)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"model\":\"" + model + "\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")
                .exchange();
    }

    private String lastUsedAt(String keyId) {
        JsonNode view = http.get().uri("/admin/v1/keys/" + keyId).header("Authorization", "Bearer " + ADMIN_KEY)
                .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        return view.path("last_used_at").isNull() || view.path("last_used_at").isMissingNode() ? null
                : view.path("last_used_at").asString();
    }

    private WebTestClient.ResponseSpec post(String path, String json) {
        return http.post().uri(path).header("Authorization", "Bearer " + ADMIN_KEY)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(json).exchange();
    }

    private WebTestClient.ResponseSpec patch(String path, String json) {
        return http.patch().uri(path).header("Authorization", "Bearer " + ADMIN_KEY)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(json).exchange();
    }

    private long revision() {
        return jdbc.queryForObject("SELECT revision FROM registry_revision", Long.class);
    }

    private long lastAudit() {
        return jdbc.queryForObject("SELECT coalesce(max(id), 0) FROM audit_log", Long.class);
    }

    private static String prefix() {
        return "repro-" + System.nanoTime();
    }
}
