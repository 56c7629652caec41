package ai.switchboard.gateway.admin;

import ai.switchboard.gateway.it.GatewayIT;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** {@code /admin/v1/config}: apply all or nothing over HTTP, idempotently; export in the same format. */
class ConfigAdminIT extends GatewayIT {

    @Test
    void appliesAFileOnceReportsNoChangeTheSecondTimeAndExportsIt() {
        String p = "cfg-" + System.nanoTime();
        String file = """
                providers:
                  - {name: %1$s-p, type: openai, base_url: "https://upstream.example/v1"}
                models:
                  - {name: %1$s-m, provider: %1$s-p, upstream_model: m, capabilities: [chat, streaming]}
                """.formatted(p);
        apply(file, "application/yaml").expectStatus().isOk().expectBody()
                .jsonPath("$.changed").isEqualTo(true)
                .jsonPath("$.sections.providers.created").isEqualTo(1);
        apply(file, "application/yaml").expectStatus().isOk().expectBody()
                .jsonPath("$.changed").isEqualTo(false)
                .jsonPath("$.sections.models.unchanged").isEqualTo(1);

        String exported = http.get().uri("/admin/v1/config").header("Authorization", "Bearer " + ADMIN_KEY)
                .accept(MediaType.parseMediaType("application/yaml")).exchange()
                .expectStatus().isOk().expectHeader().contentTypeCompatibleWith("application/yaml")
                .expectBody(String.class).returnResult().getResponseBody();
        org.assertj.core.api.Assertions.assertThat(exported).contains("name: " + p + "-m");
        apply(exported, "application/yaml").expectStatus().isOk().expectBody().jsonPath("$.changed").isEqualTo(false);

        http.get().uri("/admin/v1/config").header("Authorization", "Bearer " + ADMIN_KEY)
                .accept(MediaType.APPLICATION_JSON).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.models[?(@.name == '" + p + "-m')].provider").isEqualTo(p + "-p");
    }

    @Test
    void rejectsAnInvalidFileAsAProblemListingEveryError() {
        String p = "cfg-bad-" + System.nanoTime();
        String json = """
                {"providers": [{"name": "%1$s-p", "type": "openai", "base_url": "https://x.example/v1",
                                "api_key": "sk-inline"}],
                 "models": [{"name": "%1$s-m", "provider": "%1$s-none", "upstream_model": "m"}]}
                """.formatted(p);
        apply(json, "application/json").expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors.length()").isEqualTo(2)
                .jsonPath("$.errors[0].field").isEqualTo("providers[0].api_key")
                .jsonPath("$.errors[1].field").isEqualTo("models[0].provider");
        http.get().uri("/admin/v1/models/" + p + "-m").header("Authorization", "Bearer " + ADMIN_KEY).exchange()
                .expectStatus().isNotFound();
    }

    @Test
    void aLargeFileIsAcceptedUpToTheRequestSizeLimit() {
        String p = "cfg-large-" + System.nanoTime();
        // Spring's 256 KB codec default used to refuse any admin body above it; an organisation's file can be larger.
        String file = "# " + "x".repeat(300 * 1024) + "\nteams:\n  - name: " + p + "-team\n";
        apply(file, "application/yaml").expectStatus().isOk().expectBody()
                .jsonPath("$.sections.teams.created").isEqualTo(1);

        String tooLarge = "# " + "x".repeat(4 * 1024 * 1024) + "\nteams: []\n";
        apply(tooLarge, "application/yaml").expectStatus().isEqualTo(413);
    }

    @Test
    void needsAnAdminKey() {
        http.post().uri("/admin/v1/config:apply").contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange().expectStatus().isUnauthorized();
    }

    private WebTestClient.ResponseSpec apply(String body, String contentType) {
        return http.post().uri("/admin/v1/config:apply").header("Authorization", "Bearer " + ADMIN_KEY)
                .contentType(MediaType.parseMediaType(contentType)).bodyValue(body).exchange();
    }
}
