package ai.switchboard.gateway.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.switchboard.registry.crypto.MasterKeyMismatchException;
import ai.switchboard.registry.testsupport.FreshDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;

/**
 * The reproduction of issue 11 §6: two replicas started on one database without {@code SWITCHBOARD_MASTER_KEY}
 * each generate their own key file. The second must refuse to start, before serving anything, and say why; given
 * the first one's key it starts and serves what the first created.
 */
@ExtendWith(OutputCaptureExtension.class)
class MasterKeyIT {

    @Test
    void aReplicaWithAnotherMasterKeyRefusesToStartAndSaysWhy(@TempDir Path dataA, @TempDir Path dataB,
            CapturedOutput output) throws IOException {
        String prefix = GatewayIT.unique("masterkey");
        GatewayIT.UPSTREAM.stubFor(post(urlEqualTo("/" + prefix + "/v1/chat/completions")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json")
                .withBody(UpstreamBodies.chatCompletion("m", "from upstream"))));
        try (FreshDatabase database = FreshDatabase.create()) {
            GatewayInstance first = replica(database, dataA);
            try {
                String key = first.fixtures.chatModel(prefix + "-m", prefix + "-p", GatewayIT.upstreamBase(prefix),
                        "m");

                assertThatThrownBy(() -> replica(database, dataB))
                        .rootCause().isInstanceOf(MasterKeyMismatchException.class)
                        .hasMessageContaining("Refusing to start: the master key (from the key file "
                                + dataB.resolve("master.key").toAbsolutePath())
                        .hasMessageContaining("does not match this database")
                        .hasMessageContaining("SWITCHBOARD_MASTER_KEY");
                assertThat(output.getAll()).contains("APPLICATION FAILED TO START")
                        .contains("Start every replica with the same SWITCHBOARD_MASTER_KEY");

                Files.copy(dataA.resolve("master.key"), dataB.resolve("master.key"),
                        StandardCopyOption.REPLACE_EXISTING);
                try (GatewayInstance second = replica(database, dataB)) {
                    second.http.post().uri("/v1/chat/completions").header("Authorization", "Bearer " + key)
                            .contentType(MediaType.APPLICATION_JSON)
                            .bodyValue("{\"model\":\"" + prefix + "-m\",\"messages\":[{\"role\":\"user\","
                                    + "\"content\":\"x\"}]}")
                            .exchange().expectStatus().isOk().expectBody()
                            .jsonPath("$.choices[0].message.content").isEqualTo("from upstream");
                }
            } finally {
                first.close();
            }
        }
    }

    /** A replica on {@code database} with no master key configured: it uses (or generates) {@code dataDir}'s file. */
    private static GatewayInstance replica(FreshDatabase database, Path dataDir) {
        return GatewayInstance.start("spring.datasource.url=" + database.jdbcUrl(),
                "switchboard.registry.master-key=", "switchboard.data-dir=" + dataDir);
    }
}
