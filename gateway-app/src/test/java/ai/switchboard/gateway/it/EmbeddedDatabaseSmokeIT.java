package ai.switchboard.gateway.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import ai.switchboard.gateway.SwitchboardApplication;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The README's run command on a machine with nothing but a JDK: no database configured, so the gateway starts its
 * own PostgreSQL under the data directory, serves a chat, and finds its registry again after a restart.
 */
class EmbeddedDatabaseSmokeIT {

    @TempDir
    Path dataDir;

    @Test
    void bootsWithItsOwnDatabaseServesAChatAndKeepsTheRegistryAcrossRestarts() {
        String prefix = GatewayIT.unique("smoke");
        GatewayIT.UPSTREAM.stubFor(post(urlEqualTo("/" + prefix + "/v1/chat/completions"))
                .withHeader("Authorization", equalTo("Bearer test-upstream-key"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody(UpstreamBodies.chatCompletion("m", "embedded ok"))));
        String key;

        try (ConfigurableApplicationContext first = start()) {
            WebTestClient http = client(first);
            key = new Fixtures(http, GatewayIT.ADMIN_KEY)
                    .chatModel(prefix + "-m", prefix + "-p", GatewayIT.upstreamBase(prefix), "m");
            chat(http, key, prefix + "-m");
        }
        assertThat(Files.isDirectory(dataDir.resolve("postgres"))).isTrue();
        assertThat(Files.exists(dataDir.resolve("master.key"))).isTrue();

        try (ConfigurableApplicationContext second = start()) {
            chat(client(second), key, prefix + "-m");
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(SwitchboardApplication.class).run(
                "--server.port=0",
                "--spring.datasource.url=",
                "--switchboard.data-dir=" + dataDir,
                "--switchboard.registry.master-key=",
                "--switchboard.registry.bootstrap-admin-key=" + GatewayIT.ADMIN_KEY);
    }

    private static WebTestClient client(ConfigurableApplicationContext context) {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(30)).build();
    }

    private static void chat(WebTestClient http, String key, String model) {
        http.post().uri("/v1/chat/completions").header("Authorization", "Bearer " + key)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"model\":\"" + model + "\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.choices[0].message.content").isEqualTo("embedded ok");
    }
}
