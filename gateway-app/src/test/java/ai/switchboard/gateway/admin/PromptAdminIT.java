package ai.switchboard.gateway.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.switchboard.gateway.it.GatewayIT;
import ai.switchboard.registry.PromptConfig;
import ai.switchboard.registry.PromptReference;
import ai.switchboard.registry.snapshot.RegistrySnapshotManager;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /admin/v1/prompts}: versions are numbered and never change (not even by SQL), labels move to any version and
 * back, a render shows exactly what a model would read, and the snapshot, the audit trail and the declarative file
 * follow every write.
 */
class PromptAdminIT extends GatewayIT {

    private static final Map<String, Object> CHAT = Map.of("messages", List.of(
            Map.of("role", "system", "content", "You write for {{audience}}. Never use <b>HTML</b> & entities."),
            Map.of("role", "user", "content", "Summarise:\n{{input}}")));

    @Autowired
    RegistrySnapshotManager snapshots;

    @Autowired
    JdbcTemplate jdbc;

    private String name;

    @BeforeEach
    void name() {
        name = "prompt-admin-" + System.nanoTime();
    }

    @Test
    void versionsAreNumberedImmutableAndLabelsRollBack() {
        JsonNode created = fixtures.post("/admin/v1/prompts", Map.of("name", name, "description", "Summaries",
                "template", CHAT));
        assertThat(created.path("latest_version").asInt()).isEqualTo(1);
        assertThat(created.path("labels").toString()).isEqualTo("{\"production\":1}");

        JsonNode second = fixtures.post("/admin/v1/prompts/" + name + "/versions",
                Map.of("template", Map.of("text", "v2 for {{audience}}"), "labels", List.of("staging")));
        assertThat(second.path("latest_version").asInt()).isEqualTo(2);
        assertThat(second.path("labels").toString()).isEqualTo("{\"production\":1,\"staging\":2}");
        JsonNode third = fixtures.post("/admin/v1/prompts/" + name + "/versions",
                Map.of("template", Map.of("text", "v3 {{audience}}"), "labels", List.of("production")));
        assertThat(third.path("labels").path("production").asInt()).isEqualTo(3);
        assertThat(third.path("versions").get(0).path("template")).isEqualTo(created.path("versions").get(0)
                .path("template"));

        PromptConfig live = snapshots.current().prompt(name);
        assertThat(live.resolve(new PromptReference(name, null, null))).isEqualTo(3);
        assertThat(live.versions().get(2).render(Map.of("audience", "ops")).text()).isEqualTo("v2 for ops");

        // Rollback: production back to version 1.
        fixtures.patch("/admin/v1/prompts/" + name, Map.of("labels", Map.of("production", 1)))
                .expectStatus().isOk().expectBody().jsonPath("$.labels.production").isEqualTo(1);
        assertThat(snapshots.current().prompt(name).resolve(new PromptReference(name, "production", null)))
                .isEqualTo(1);
        assertThat(render("{\"variables\":{\"audience\":\"a\",\"input\":\"b\"}}").path("version").asInt())
                .isEqualTo(1);

        // Removing a label, and the database refusing any change to a stored version.
        http.patch().uri("/admin/v1/prompts/" + name).header("Authorization", "Bearer " + ADMIN_KEY)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"labels\":{\"staging\":null}}").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.labels.staging").doesNotExist();
        assertThatThrownBy(() -> jdbc.update("UPDATE prompt_versions SET template = '{\"text\":\"x\"}' "
                + "WHERE prompt_id = ?::uuid", created.path("id").asString()))
                .hasMessageContaining("immutable");

        List<String> actions = jdbc.queryForList("SELECT action FROM audit_log WHERE entity_type = 'prompt' "
                + "AND entity_name = ? ORDER BY id", String.class, name);
        assertThat(actions).containsExactly("create", "update", "update", "update", "update");
    }

    @Test
    void aRenderFillsEveryMessageWithoutHtmlEscapingAndAMissingVariableIsAnError() {
        fixtures.post("/admin/v1/prompts", Map.of("name", name, "template", CHAT));

        JsonNode rendered = render("{\"variables\":{\"audience\":\"a <team> & co\",\"input\":\"x > y\"}}");

        assertThat(rendered.path("version").asInt()).isEqualTo(1);
        assertThat(rendered.path("messages").get(0).path("content").asString())
                .isEqualTo("You write for a <team> & co. Never use <b>HTML</b> & entities.");
        assertThat(rendered.path("messages").get(1).path("role").asString()).isEqualTo("user");
        assertThat(rendered.path("messages").get(1).path("content").asString()).isEqualTo("Summarise:\nx > y");
        http.post().uri("/admin/v1/prompts/" + name + ":render").header("Authorization", "Bearer " + ADMIN_KEY)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"variables\":{\"audience\":\"ops\"}}")
                .exchange().expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("variables")
                .jsonPath("$.errors[0].message").value(m -> assertThat(m.toString()).contains("'input'"));
    }

    @Test
    void badSyntaxIsRefusedWithItsPosition() {
        http.post().uri("/admin/v1/prompts").header("Authorization", "Bearer " + ADMIN_KEY)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", name, "template", Map.of("messages", List.of(
                        Map.of("role", "system", "content", "ok"),
                        Map.of("role", "user", "content", "first\nsecond {{#items}}open")))))
                .exchange().expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("template.messages[1].content")
                .jsonPath("$.errors[0].message").value(m -> assertThat(m.toString()).contains("line 2"));
        http.post().uri("/admin/v1/prompts").header("Authorization", "Bearer " + ADMIN_KEY)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", name, "template", Map.of("text", "a\nbb {{name")))
                .exchange().expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].message").value(m -> assertThat(m.toString()).contains("line 2, column 4"));
        assertThat(snapshots.current().prompt(name)).isNull();
    }

    @Test
    void theDeclarativeFileExportsAndReappliesPromptsAndOnlyAppendsVersions() {
        fixtures.post("/admin/v1/prompts", Map.of("name", name, "template", Map.of("text", "one {{x}}")));
        fixtures.post("/admin/v1/prompts/" + name + "/versions", Map.of("template", Map.of("text", "two {{x}}")));
        JsonNode export = JsonMapper.shared().readTree(http.get().uri("/admin/v1/config")
                .header("Authorization", "Bearer " + ADMIN_KEY).accept(MediaType.APPLICATION_JSON).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());
        JsonNode mine = export.path("prompts").valueStream().filter(p -> p.path("name").asString().equals(name))
                .findFirst().orElseThrow();
        assertThat(mine.path("versions").size()).isEqualTo(2);
        assertThat(mine.path("labels").toString()).isEqualTo("{\"production\":1}");

        String file = "prompts:\n  - name: " + name + "\n    versions:\n      - {text: 'one {{x}}'}\n"
                + "      - {text: 'two {{x}}'}\n      - {text: 'three {{x}}'}\n    labels: {production: 3}\n";
        apply(file).expectStatus().isOk();
        PromptConfig live = snapshots.current().prompt(name);
        assertThat(live.versions()).hasSize(3);
        assertThat(live.labels()).isEqualTo(Map.of("production", 3));
        apply(file).expectStatus().isOk().expectBody().jsonPath("$.sections.prompts.unchanged").isEqualTo(1);

        apply("prompts:\n  - name: " + name + "\n    versions:\n      - {text: 'ONE {{x}}'}\n")
                .expectStatus().isBadRequest();
        assertThat(snapshots.current().prompt(name).versions()).hasSize(3);
    }

    private WebTestClient.ResponseSpec apply(String yaml) {
        return http.post().uri("/admin/v1/config:apply").header("Authorization", "Bearer " + ADMIN_KEY)
                .contentType(MediaType.parseMediaType("application/yaml")).bodyValue(yaml).exchange();
    }

    private JsonNode render(String body) {
        return JsonMapper.shared().readTree(http.post().uri("/admin/v1/prompts/" + name + ":render")
                .header("Authorization", "Bearer " + ADMIN_KEY).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body).exchange().expectStatus().isOk().expectBody(String.class).returnResult()
                .getResponseBody());
    }
}
