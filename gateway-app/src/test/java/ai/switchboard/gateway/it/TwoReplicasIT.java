package ai.switchboard.gateway.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/**
 * Two gateway processes on one PostgreSQL: a change made through one's admin API is served by the other within
 * about a second (LISTEN/NOTIFY, well before the 30 s backstop), and survives either being restarted.
 */
class TwoReplicasIT {

    @Test
    void aChangeOnOneReplicaIsServedByTheOtherAndSurvivesRestarts() {
        String prefix = GatewayIT.unique("replica");
        GatewayIT.UPSTREAM.stubFor(post(urlEqualTo("/" + prefix + "/v1/chat/completions")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json")
                .withBody(UpstreamBodies.chatCompletion("m", "from upstream"))));
        GatewayInstance a = GatewayInstance.start();
        GatewayInstance b = GatewayInstance.start();
        try {
            String key = a.fixtures.chatModel(prefix + "-m", prefix + "-p", GatewayIT.upstreamBase(prefix), "m");
            // The admin call returned: A serves it now; B must follow through NOTIFY, not the periodic backstop.
            chat(a, key, prefix + "-m");
            GatewayInstance otherReplica = b;
            await().atMost(Duration.ofMillis(1500)).pollInterval(Duration.ofMillis(50))
                    .untilAsserted(() -> chat(otherReplica, key, prefix + "-m"));

            b.close();
            b = GatewayInstance.start();
            chat(b, key, prefix + "-m");

            a.fixtures.patch("/admin/v1/models/" + prefix + "-m", java.util.Map.of("enabled", false))
                    .expectStatus().isOk();
            GatewayInstance restartedB = b;
            await().atMost(Duration.ofMillis(1500)).pollInterval(Duration.ofMillis(50))
                    .untilAsserted(() -> request(restartedB, key, prefix + "-m").expectStatus().isNotFound());

            a.close();
            a = GatewayInstance.start();
            request(a, key, prefix + "-m").expectStatus().isNotFound();
        } finally {
            a.close();
            b.close();
        }
    }

    private static void chat(GatewayInstance gateway, String key, String model) {
        request(gateway, key, model).expectStatus().isOk().expectBody()
                .jsonPath("$.choices[0].message.content").isEqualTo("from upstream");
    }

    private static org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec request(
            GatewayInstance gateway, String key, String model) {
        return gateway.http.post().uri("/v1/chat/completions").header("Authorization", "Bearer " + key)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"model\":\"" + model + "\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}")
                .exchange();
    }
}
