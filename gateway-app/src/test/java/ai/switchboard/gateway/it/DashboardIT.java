package ai.switchboard.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.switchboard.observability.GenAiObservations;
import ai.switchboard.observability.RoutingMetrics;
import ai.switchboard.observability.request.RequestObserver;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Tracer;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The shipped Grafana dashboard against a real Prometheus (the Debian package, {@code /usr/bin/prometheus}) scraping
 * this running gateway on loopback: every panel's every query must return at least one series.
 */
class DashboardIT extends GatewayIT {

    static final String PROMETHEUS = "/usr/bin/prometheus";
    static final Path DASHBOARD = Path.of("..", "helm", "switchboard", "dashboards", "switchboard-overview.json");

    @Autowired
    RequestObserver observer;
    @Autowired
    GenAiObservations observations;
    @Autowired
    RoutingMetrics routing;
    @Autowired
    Tracer tracer;
    @Autowired
    MeterRegistry meters;

    @Test
    void everyPanelQueryReturnsData() throws Exception {
        String prefix = unique("dash");
        String key = ObservedTraffic.setUp(fixtures, prefix);
        ObservabilityIT.bindCircuitBreaker(meters, prefix + "-p");
        traffic(key, prefix);

        Path dir = Files.createTempDirectory("switchboard-prometheus");
        int promPort = freePort();
        Files.writeString(dir.resolve("prometheus.yml"), """
                global:
                  scrape_interval: 1s
                scrape_configs:
                  - job_name: switchboard
                    metrics_path: /actuator/prometheus
                    static_configs:
                      - targets: ['127.0.0.1:%d']
                """.formatted(port));
        Process prometheus = new ProcessBuilder(PROMETHEUS, "--config.file=" + dir.resolve("prometheus.yml"),
                "--storage.tsdb.path=" + dir.resolve("data"), "--web.listen-address=127.0.0.1:" + promPort)
                .redirectErrorStream(true).redirectOutput(dir.resolve("prometheus.log").toFile()).start();
        try {
            WebTestClient api = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + promPort)
                    .responseTimeout(Duration.ofSeconds(10)).build();
            try {
                await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                        .until(() -> query(api, "up{job=\"switchboard\"} == 1").size() == 1);
            } catch (RuntimeException notScraping) {
                // Say why: the target's last scrape error, or Prometheus's own log when it is not even up.
                throw new AssertionError("Prometheus does not scrape the gateway: " + targets(api) + "\n"
                        + Files.readString(dir.resolve("prometheus.log")), notScraping);
            }
            // rate() needs two samples with traffic between them
            for (int i = 0; i < 3; i++) {
                traffic(key, prefix);
                Thread.sleep(1_500);
            }
            List<String> empty = new ArrayList<>();
            JsonNode dashboard = new ObjectMapper().readTree(Files.readString(DASHBOARD));
            int queries = 0;
            for (JsonNode panel : dashboard.path("panels")) {
                for (JsonNode target : panel.path("targets")) {
                    String expr = target.path("expr").asString().replace("$__rate_interval", "1m");
                    queries++;
                    if (query(api, expr).isEmpty()) {
                        empty.add(panel.path("title").asString() + ": " + expr);
                    }
                }
            }
            assertThat(queries).isGreaterThanOrEqualTo(12);
            assertThat(empty).as("panels without data").isEmpty();
        } finally {
            prometheus.destroy();
            if (!prometheus.waitFor(10, TimeUnit.SECONDS)) {
                prometheus.destroyForcibly();
            }
            deleteRecursively(dir);
        }
    }

    private void traffic(String key, String prefix) {
        ObservedTraffic.chat(http, key, prefix + "-m");
        ObservedTraffic.observe(observer, observations, routing, tracer, prefix + "-m", prefix + "-p");
    }

    private static JsonNode query(WebTestClient api, String expr) {
        // The expression goes in as a template variable, so it is encoded exactly once.
        JsonNode body = api.get().uri(uri -> uri.path("/api/v1/query").queryParam("query", "{expr}").build(expr))
                .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        return body.path("data").path("result");
    }

    private static String targets(WebTestClient api) {
        try {
            return api.get().uri("/api/v1/targets").exchange().expectBody(String.class).returnResult()
                    .getResponseBody();
        } catch (RuntimeException | AssertionError e) {
            return "no targets: " + e;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
