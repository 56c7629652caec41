package ai.switchboard.gateway.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

    private Process gateway;
    private HttpServer upstream;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

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
    void stop() throws InterruptedException {
        if (gateway != null) {
            gateway.destroy();
            if (!gateway.waitFor(60, TimeUnit.SECONDS)) {
                gateway.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        upstream.stop(0);
    }

    @Test
    void theJarStartsOnItsOwnDatabaseAndServesAChat() throws Exception {
        Path jar = Path.of(System.getProperty("switchboard.jar", "target/switchboard.jar"));
        assertThat(jar).exists();
        int port = freePort();
        Path log = dataDir.resolve("gateway.log");
        ProcessBuilder builder = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx256m", "-jar", jar.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("SWITCHBOARD_PORT", Integer.toString(port));
        builder.environment().put("SWITCHBOARD_DATA_DIR", dataDir.resolve("data").toString());
        builder.environment().put("SWITCHBOARD_ADMIN_KEY", ADMIN_KEY);
        builder.environment().remove("SWITCHBOARD_DATABASE_URL");
        gateway = builder.start();

        String base = "http://127.0.0.1:" + port;
        awaitReady(base + "/actuator/health/readiness", log);
        post(base + "/admin/v1/providers", ADMIN_KEY, "{\"name\":\"stub\",\"type\":\"openai\",\"base_url\":\"http://127.0.0.1:"
                + upstream.getAddress().getPort() + "/v1\"}", 201);
        post(base + "/admin/v1/models", ADMIN_KEY,
                "{\"name\":\"jar-model\",\"provider\":\"stub\",\"upstream_model\":\"m\"}", 201);
        String created = post(base + "/admin/v1/keys", ADMIN_KEY, "{\"name\":\"jar-key\",\"scopes\":[\"inference\"]}",
                201);
        Matcher key = Pattern.compile("\"key\"\\s*:\\s*\"(sk-sb-[^\"]+)\"").matcher(created);
        assertThat(key.find()).as(created).isTrue();

        String answer = post(base + "/v1/chat/completions", key.group(1),
                "{\"model\":\"jar-model\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}", 200);

        assertThat(answer).contains("from the jar");
    }

    private void awaitReady(String url, Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline) {
            if (!gateway.isAlive()) {
                throw new AssertionError("The jar exited with " + gateway.exitValue() + ":\n" + tail(log));
            }
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new AssertionError("The jar did not become ready within 180 s:\n" + tail(log));
    }

    private String post(String url, String key, String json, int expectedStatus) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(expectedStatus);
        return response.body();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String tail(Path log) throws IOException {
        String text = Files.exists(log) ? Files.readString(log) : "";
        return text.length() > 4000 ? text.substring(text.length() - 4000) : text;
    }
}
