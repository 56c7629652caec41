package ai.switchboard.gateway.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** Admin changes are served by the very next request, with no restart. */
class RegistryChangeIT extends GatewayIT {

    @Test
    void newModelsDisabledModelsAndMovedProvidersTakeEffectImmediately() {
        String prefix = unique("live");
        String moved = unique("live-moved");
        UPSTREAM.stubFor(post(urlEqualTo("/" + prefix + "/v1/chat/completions")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody(UpstreamBodies.chatCompletion("m", "old"))));
        UPSTREAM.stubFor(post(urlEqualTo("/" + moved + "/v1/chat/completions")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody(UpstreamBodies.chatCompletion("m", "new"))));
        fixtures.provider(prefix + "-p", upstreamBase(prefix));
        String key = fixtures.key(prefix + "-k");

        chat(key, prefix + "-m").expectStatus().isNotFound();

        fixtures.model(prefix + "-m", prefix + "-p", "m");
        chat(key, prefix + "-m").expectStatus().isOk().expectBody().jsonPath("$.choices[0].message.content")
                .isEqualTo("old");

        fixtures.patch("/admin/v1/providers/" + prefix + "-p", Map.of("base_url", upstreamBase(moved)))
                .expectStatus().isOk();
        chat(key, prefix + "-m").expectStatus().isOk().expectBody().jsonPath("$.choices[0].message.content")
                .isEqualTo("new");

        fixtures.patch("/admin/v1/models/" + prefix + "-m", Map.of("enabled", false)).expectStatus().isOk();
        chat(key, prefix + "-m").expectStatus().isNotFound();
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec chat(String key, String model) {
        return http.post().uri("/v1/chat/completions").header("Authorization", "Bearer " + key)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"model\":\"" + model + "\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}")
                .exchange();
    }
}
