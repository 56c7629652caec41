package ai.switchboard.gateway.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the repackaged jar the way README's run command ends up doing: a separate JVM, no database configured (so it
 * starts its embedded PostgreSQL), nothing on the classpath but what the jar carries. Tests on the test classpath
 * cannot see a dependency the jar lacks; this one can. Run by failsafe after {@code package}.
 */
class PackagedJarIT {

    private static final String ADMIN_KEY = "sk-sb-packaged-jar-test-admin-key";

    @TempDir
    Path dataDir;

    private GatewayProcess gateway;
    private HttpServer upstream;

    @BeforeEach
    void stubUpstream() throws IOException {
        upstream = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        upstream.createContext("/v1/chat/completions", exchange -> {
            exchange.getRequestBody().readAllBytes();
            byte[] body = ("{\"id\":\"c1\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"m\",\"choices\":[{\"index\":0,"
                    + "\"message\":{\"role\":\"assistant\",\"content\":\"from the jar\"},\"finish_reason\":\"stop\"}],"
                    + "\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":3,\"total_tokens\":4}}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        upstream.start();
    }

    @AfterEach
    void stop() throws Exception {
        if (gateway != null) {
            gateway.close();
        }
        upstream.stop(0);
    }

    @Test
    void theJarStartsOnItsOwnDatabaseAndServesAChat() throws Exception {
        Path jar = Path.of(System.getProperty("switchboard.jar", "target/switchboard.jar"));
        assertThat(jar).exists();
        int port = GatewayProcess.freePort();
        ProcessBuilder builder = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx256m", "-jar", jar.toString());
        builder.environment().put("SWITCHBOARD_PORT", Integer.toString(port));
        builder.environment().put("SWITCHBOARD_DATA_DIR", dataDir.resolve("data").toString());
        builder.environment().put("SWITCHBOARD_ADMIN_KEY", ADMIN_KEY);
        builder.environment().remove("SWITCHBOARD_DATABASE_URL");
        gateway = GatewayProcess.start(builder, dataDir.resolve("gateway.log"));

        String base = "http://127.0.0.1:" + port;
        gateway.awaitReady(base + "/actuator/health/readiness", Duration.ofSeconds(180));
        GatewayAdmin admin = new GatewayAdmin(base, ADMIN_KEY);
        admin.provider("stub", "http://127.0.0.1:" + upstream.getAddress().getPort() + "/v1");
        admin.model("jar-model", "stub", "m");
        String key = admin.inferenceKey("jar-key");

        String answer = admin.post("/v1/chat/completions", key,
                "{\"model\":\"jar-model\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}", 200);

        assertThat(answer).contains("from the jar");
    }
}
