package ai.switchboard.gateway.admin;

import static org.assertj.core.api.Assertions.assertThat;

import ai.switchboard.gateway.it.GatewayIT;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * {@code routes:} in the declarative file: validated like admin API writes and with the rest of the file, applied
 * idempotently in dependency order, exported in the same shape. Two routes naming each other can never both exist,
 * so the file is refused.
 */
class DeclarativeRoutesIT extends GatewayIT {

    @Test
    void routesApplyOnceInDependencyOrderAndRoundTripThroughExport() {
        String p = "cfg-routes-" + System.nanoTime();
        String file = """
                providers:
                  - {name: %1$s-p, type: openai, base_url: "https://upstream.example/v1"}
                models:
                  - {name: %1$s-a, provider: %1$s-p, upstream_model: a, capabilities: [chat, streaming]}
                  - {name: %1$s-b, provider: %1$s-p, upstream_model: b, capabilities: [chat, streaming]}
                routes:
                  - name: %1$s-outer
                    policy: specialist-generalist
                    config:
                      classifier: keywords
                      generalist: %1$s-inner
                      threshold_unused_by_keywords: null
                    fallbacks: [%1$s-b]
                  - name: %1$s-inner
                    description: a first, then b
                    policy: fallback
                    config: {targets: [%1$s-a]}
                    fallbacks: [%1$s-b]
                    first_token_timeout_ms: 2000
                """.formatted(p);
        apply(file).expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("routes[0].config.threshold_unused_by_keywords")
                .jsonPath("$.errors[1].field").isEqualTo("routes[0].config.specialists");
        http.get().uri("/admin/v1/models/" + p + "-a").header("Authorization", "Bearer " + ADMIN_KEY).exchange()
                .expectStatus().isNotFound();

        String valid = file.replace("      threshold_unused_by_keywords: null\n", """
                      specialists:
                        - {label: billing, target: %1$s-a, keywords: [invoice], regex: "refund(s)?"}
                """.formatted(p));
        apply(valid).expectStatus().isOk().expectBody()
                .jsonPath("$.changed").isEqualTo(true)
                .jsonPath("$.sections.routes.created").isEqualTo(2);
        apply(valid).expectStatus().isOk().expectBody()
                .jsonPath("$.changed").isEqualTo(false)
                .jsonPath("$.sections.routes.unchanged").isEqualTo(2);

        String exported = http.get().uri("/admin/v1/config").header("Authorization", "Bearer " + ADMIN_KEY)
                .accept(MediaType.parseMediaType("application/yaml")).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(exported).contains("name: " + p + "-outer", "policy: specialist-generalist",
                "first_token_timeout_ms: 2000");
        apply(exported).expectStatus().isOk().expectBody().jsonPath("$.changed").isEqualTo(false);

        apply(valid.replace("first_token_timeout_ms: 2000", "first_token_timeout_ms: 3000")).expectStatus().isOk()
                .expectBody().jsonPath("$.sections.routes.updated").isEqualTo(1)
                .jsonPath("$.sections.routes.unchanged").isEqualTo(1);
        http.get().uri("/admin/v1/routes/" + p + "-inner").header("Authorization", "Bearer " + ADMIN_KEY).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.first_token_timeout_ms").isEqualTo(3000);
    }

    @Test
    void routesNamingUnknownTargetsOrEachOtherFailTheWholeFile() {
        String p = "cfg-routes-bad-" + System.nanoTime();
        apply("""
                providers:
                  - {name: %1$s-p, type: openai, base_url: "https://upstream.example/v1"}
                routes:
                  - {name: %1$s-x, policy: fallback, config: {targets: [%1$s-y]}}
                  - {name: %1$s-y, policy: fallback, config: {targets: [%1$s-x]}}
                  - {name: %1$s-z, policy: router, config: {rules: [], default: %1$s-nowhere}}
                """.formatted(p)).expectStatus().isBadRequest().expectBody(String.class)
                .value(body -> assertThat(body).contains("no model or route named '" + p + "-nowhere'")
                        .contains("\"field\":\"routes[0].config\"").contains("\"field\":\"routes[1].config\""));
        http.get().uri("/admin/v1/providers/" + p + "-p").header("Authorization", "Bearer " + ADMIN_KEY).exchange()
                .expectStatus().isNotFound();
    }

    private WebTestClient.ResponseSpec apply(String body) {
        return http.post().uri("/admin/v1/config:apply").header("Authorization", "Bearer " + ADMIN_KEY)
                .contentType(MediaType.parseMediaType("application/yaml")).bodyValue(body).exchange();
    }
}
