package ai.switchboard.gateway.admin;

import static org.assertj.core.api.Assertions.assertThat;

import ai.switchboard.gateway.it.GatewayIT;
import ai.switchboard.registry.AgentConfig;
import ai.switchboard.registry.snapshot.RegistrySnapshotManager;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/**
 * {@code /admin/v1/agents}: an agent is validated as a whole (its model or route, its tools, its limits, its answer
 * schema against the JSON Schema library the tools use), live in the snapshot, and its model or route stays put while
 * it plans with it.
 */
class AgentAdminIT extends GatewayIT {

    private static final Map<String, Object> SCHEMA = Map.of("type", "object", "required", List.of("answer"),
            "properties", Map.of("answer", Map.of("type", "string"), "confidence",
                    Map.of("type", "number", "minimum", 0, "maximum", 1)));

    @Autowired
    RegistrySnapshotManager snapshots;

    private String prefix;

    @BeforeEach
    void model() {
        prefix = "agent-admin-" + System.nanoTime();
        fixtures.provider(prefix + "-p", "https://upstream.example/v1");
        fixtures.model(prefix + "-m", prefix + "-p", "m", "chat", "tools");
        fixtures.post("/admin/v1/routes", Map.of("name", prefix + "-r", "policy", "fallback",
                "config", Map.of("targets", List.of(prefix + "-m"))));
        fixtures.post("/admin/v1/tools", Map.of("name", tool(), "type", "http",
                "config", Map.of("targets", List.of("https://crm.example.com/"))));
    }

    @Test
    void anAgentWithAllItsFieldsIsLiveAndChangesWithAPatch() {
        String name = prefix + "-support";
        JsonNode created = fixtures.post("/admin/v1/agents", Map.of("name", name, "description", "First line",
                "model", prefix + "-r", "instructions", "You answer support questions.\nBe brief.",
                "tools", List.of(tool(), tool()), "max_steps", 6, "max_cost_usd", 0.25, "timeout_seconds", 90,
                "parallel_tool_calls", true, "response_format", SCHEMA));

        assertThat(created.path("tools").toString()).isEqualTo("[\"" + tool() + "\"]");
        assertThat(created.path("max_cost_usd").decimalValue()).isEqualByComparingTo("0.25");
        assertThat(created.path("response_format").path("required").get(0).asString()).isEqualTo("answer");
        AgentConfig live = snapshots.current().agent(name);
        assertThat(live.model()).isEqualTo(prefix + "-r");
        assertThat(live.tools()).containsExactly(tool());
        assertThat(live.responseFormat().path("properties").has("confidence")).isTrue();

        http.patch().uri("/admin/v1/agents/" + name).header("Authorization", "Bearer " + ADMIN_KEY)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"response_format\": null, \"max_cost_usd\": null, \"model\": \"" + prefix + "-m\"}")
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.response_format").doesNotExist()
                .jsonPath("$.max_cost_usd").doesNotExist()
                .jsonPath("$.model").isEqualTo(prefix + "-m");
        assertThat(snapshots.current().agent(name).responseFormat()).isNull();
    }

    @Test
    void aSchemaTheLibraryCannotApplyAndAPromptReferenceAreRefused() {
        http.post().uri("/admin/v1/agents").header("Authorization", "Bearer " + ADMIN_KEY)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("name", prefix + "-bad", "model",
                        prefix + "-m", "response_format", Map.of("type", "strng"),
                        "instructions", Map.of("prompt", "support", "label", "production")))
                .exchange().expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[*].field").value(fields -> assertThat(((List<?>) fields).stream().map(String::valueOf).toList())
                        .containsExactlyInAnyOrder("response_format", "instructions.prompt"))
                .jsonPath("$.errors[?(@.field == 'instructions.prompt')].message")
                .value(messages -> assertThat(messages.toString()).contains("no prompt named 'support'"));
        assertThat(snapshots.current().agent(prefix + "-bad")).isNull();
    }

    @Test
    void theRouteOfAnAgentCanBeNeitherDeletedNorRenamed() {
        String name = prefix + "-planner";
        fixtures.post("/admin/v1/agents", Map.of("name", name, "model", prefix + "-r"));

        fixtures.delete("/admin/v1/routes/" + prefix + "-r").expectStatus().isEqualTo(409).expectBody()
                .jsonPath("$.detail").value(detail -> assertThat(detail.toString()).contains(name));
        fixtures.patch("/admin/v1/routes/" + prefix + "-r", Map.of("name", prefix + "-r2"))
                .expectStatus().isEqualTo(409);
        fixtures.delete("/admin/v1/agents/" + name).expectStatus().isNoContent();
        fixtures.delete("/admin/v1/routes/" + prefix + "-r").expectStatus().isNoContent();
    }

    @Test
    void theFileDeclaresToolsWithSecretsFromTheEnvironmentAndAgentsAndTheExportAppliesAsIs() {
        String variable = ("AGENT_ADMIN_SECRET_" + System.nanoTime());
        System.setProperty(variable, "CANARY-FILE-SECRET-5150");
        String file = """
                tools:
                  - name: %1$s_crm
                    type: http
                    description: Reads the CRM.
                    config: {targets: ["https://crm.example.com/api/"], methods: [GET]}
                    secrets_env: {secret_headers: {Authorization: %2$s}}
                agents:
                  - name: %1$s-filed
                    model: %1$s-m
                    instructions: Be brief.
                    tools: [%1$s_crm]
                    max_steps: 4
                    max_cost_usd: 0.1
                    response_format: {type: object, properties: {answer: {type: string}}}
                """.formatted(prefix, variable);

        apply(file).jsonPath("$.sections.tools.created").isEqualTo(1).jsonPath("$.sections.agents.created")
                .isEqualTo(1);
        apply(file).jsonPath("$.changed").isEqualTo(false);
        assertThat(snapshots.current().tool(prefix + "_crm").secrets().path("secret_headers").path("Authorization")
                .asString()).isEqualTo("CANARY-FILE-SECRET-5150");
        assertThat(snapshots.current().agent(prefix + "-filed").tools()).containsExactly(prefix + "_crm");

        String exported = http.get().uri("/admin/v1/config").header("Authorization", "Bearer " + ADMIN_KEY)
                .accept(MediaType.parseMediaType("application/yaml")).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(exported).contains(prefix + "_crm").contains(prefix + "-filed").doesNotContain("CANARY");
        apply(exported).jsonPath("$.changed").isEqualTo(false);
        assertThat(snapshots.current().tool(prefix + "_crm").secrets().isEmpty()).as("kept by an export without it")
                .isFalse();

        String inline = file.replace("secrets_env: {secret_headers: {Authorization: " + variable + "}}",
                "secrets_env: {password: " + variable + "}")
                .replace("methods: [GET]}", "methods: [GET], secret_headers: {Authorization: x}}");
        http.post().uri("/admin/v1/config:apply").header("Authorization", "Bearer " + ADMIN_KEY)
                .contentType(MediaType.parseMediaType("application/yaml")).bodyValue(inline).exchange()
                .expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[*].field").value(fields -> assertThat(((List<?>) fields).stream().map(String::valueOf).toList())
                        .containsExactlyInAnyOrder("tools[0].secrets_env.password",
                                "tools[0].config.secret_headers"));
    }

    private String tool() {
        return prefix + "_lookup";
    }

    private org.springframework.test.web.reactive.server.WebTestClient.BodyContentSpec apply(String yaml) {
        return http.post().uri("/admin/v1/config:apply").header("Authorization", "Bearer " + ADMIN_KEY)
                .contentType(MediaType.parseMediaType("application/yaml")).bodyValue(yaml).exchange()
                .expectStatus().isOk().expectBody();
    }
}
