package ai.switchboard.gateway.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/**
 * A rollback round trip on two replicas of one database: two changes made through one replica, a whole-registry
 * rollback through the other, and both serve the old configuration again within the change-notification delay
 * (the model answers from its old upstream model; the model added after the revision is disabled everywhere).
 */
class RollbackReplicasIT {

    @Test
    void aRollbackThroughOneReplicaIsServedByBoth() {
        String prefix = GatewayIT.unique("rollback");
        for (String upstreamModel : new String[] {"old", "new"}) {
            GatewayIT.UPSTREAM.stubFor(post(urlEqualTo("/" + prefix + "/v1/chat/completions"))
                    .withRequestBody(matchingJsonPath("$.model", equalTo(upstreamModel)))
                    .willReturn(aResponse().withHeader("Content-Type", "application/json")
                            .withBody(UpstreamBodies.chatCompletion(upstreamModel, "answer from " + upstreamModel))));
        }
        try (GatewayInstance a = GatewayInstance.start(); GatewayInstance b = GatewayInstance.start()) {
            String model = prefix + "-m";
            String key = a.fixtures.chatModel(model, prefix + "-p", GatewayIT.upstreamBase(prefix), "old");
            long revision = latestRevision(a, model);

            a.fixtures.patch("/admin/v1/models/" + model, Map.of("upstream_model", "new")).expectStatus().isOk();
            a.fixtures.model(prefix + "-later", prefix + "-p", "new");
            String laterKey = a.fixtures.key(prefix + "-later-key", prefix + "-later");
            for (GatewayInstance replica : new GatewayInstance[] {a, b}) {
                // Not what is measured: a fresh replica's first requests are slow on a busy machine.
                await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> {
                    answers(replica, key, model, "answer from new");
                    answers(replica, laterKey, prefix + "-later", "answer from new");
                });
            }

            b.http.post().uri("/admin/v1/config:rollback").header("Authorization", "Bearer " + GatewayIT.ADMIN_KEY)
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("revision", revision)).exchange()
                    .expectStatus().isOk();

            // b made the change, so it serves it at once; a learns of it through NOTIFY, well before the backstop.
            answers(b, key, model, "answer from old");
            chat(b, laterKey, prefix + "-later").expectStatus().isNotFound();
            await().atMost(Duration.ofMillis(1500)).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> {
                answers(a, key, model, "answer from old");
                chat(a, laterKey, prefix + "-later").expectStatus().isNotFound();
            });
        }
    }

    private static long latestRevision(GatewayInstance gateway, String model) {
        JsonNode versions = gateway.http.get().uri("/admin/v1/models/" + model + "/history")
                .header("Authorization", "Bearer " + GatewayIT.ADMIN_KEY).exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody().path("data");
        return versions.get(versions.size() - 1).path("revision").asLong();
    }

    private static void answers(GatewayInstance gateway, String key, String model, String text) {
        chat(gateway, key, model).expectStatus().isOk().expectBody()
                .jsonPath("$.choices[0].message.content").isEqualTo(text);
    }

    private static WebTestClient.ResponseSpec chat(GatewayInstance gateway, String key, String model) {
        return gateway.http.post().uri("/v1/chat/completions").header("Authorization", "Bearer " + key)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"model\":\"" + model + "\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}")
                .exchange();
    }
}
