package ai.switchboard.gateway.deploy;

import static ai.switchboard.gateway.deploy.RepositoryFiles.at;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docker-compose.yml, parsed: the stack a developer starts with {@code docker compose up} is wired as documented. */
class ComposeFileTests {

    private final Map<String, Object> compose = RepositoryFiles.yaml(RepositoryFiles.read("docker-compose.yml"));
    private final Map<String, Map<String, Object>> services = at(compose, "services");

    @Test
    void runsTheGatewayWithPostgresPrometheusGrafanaAndAnOptionalCollector() {
        assertThat(services).containsOnlyKeys("gateway", "postgres", "prometheus", "grafana", "otel-collector");
        assertThat(services.get("otel-collector").get("profiles")).isEqualTo(List.of("otel"));
        assertThat(services.get("gateway").get("build")).isEqualTo(".");
        services.forEach((name, service) -> {
            if (!name.equals("gateway")) {
                assertThat((String) service.get("image")).as(name + " image tag is pinned").matches(".+:[^:]*\\d.*")
                        .doesNotEndWith(":latest");
            }
            assertThat((String) at(service, "deploy", "resources", "limits", "memory")).as(name + " memory limit")
                    .matches("\\d+[mg]");
        });
    }

    @Test
    void everyLongRunningServiceHasAHealthCheckAndDependenciesWaitForHealth() {
        for (String name : List.of("postgres", "gateway", "prometheus", "grafana")) {
            assertThat((List<String>) at(services.get(name), "healthcheck", "test")).as(name).isNotEmpty();
        }
        assertThat((List<String>) at(services.get("postgres"), "healthcheck", "test")).last().asString()
                .contains("pg_isready");
        assertThat((List<String>) at(services.get("gateway"), "healthcheck", "test")).last().asString()
                .contains("/actuator/health/readiness");
        assertThat(dependsOn("gateway")).containsExactly(Map.entry("postgres", "service_healthy"));
        assertThat(dependsOn("prometheus")).containsExactly(Map.entry("gateway", "service_healthy"));
        assertThat(dependsOn("grafana")).containsExactly(Map.entry("prometheus", "service_healthy"));
        assertThat(dependsOn("otel-collector")).containsExactly(Map.entry("gateway", "service_healthy"));
    }

    @Test
    void publishesTheUsualPortsAndMountsConfigurationThatExists() throws Exception {
        assertThat((List<String>) services.get("gateway").get("ports")).containsExactly("8080:8080");
        assertThat((List<String>) services.get("prometheus").get("ports")).containsExactly("9090:9090");
        assertThat((List<String>) services.get("grafana").get("ports")).containsExactly("3000:3000");
        assertThat(services.get("postgres")).doesNotContainKey("ports");
        for (Map<String, Object> service : services.values()) {
            for (String volume : (List<String>) service.getOrDefault("volumes", List.of())) {
                String source = volume.split(":")[0];
                if (source.startsWith("./")) {
                    assertThat(Files.exists(RepositoryFiles.root().resolve(source))).as(volume).isTrue();
                } else {
                    assertThat((Map<String, Object>) compose.get("volumes")).as(volume).containsKey(source);
                }
            }
        }
        assertThat((List<String>) services.get("grafana").get("volumes"))
                .contains("./helm/switchboard/dashboards:/var/lib/grafana/dashboards/switchboard:ro");
        assertThat(RepositoryFiles.read("deploy/prometheus/prometheus.yml")).contains("gateway:8080")
                .contains("/actuator/prometheus");
    }

    @Test
    void secretsComeFromDotEnvAndTheExampleDocumentsEachOneWithoutRealValues() {
        Map<String, String> env = at(services.get("gateway"), "environment");
        assertThat(env.get("SWITCHBOARD_DATABASE_URL")).isEqualTo("jdbc:postgresql://postgres:5432/switchboard");
        assertThat(env.get("SWITCHBOARD_MASTER_KEY")).startsWith("${SWITCHBOARD_MASTER_KEY:?");
        assertThat(env.get("SWITCHBOARD_ADMIN_KEY")).startsWith("${SWITCHBOARD_ADMIN_KEY:?");
        assertThat(env.get("SWITCHBOARD_DATABASE_PASSWORD")).startsWith("${POSTGRES_PASSWORD:?");

        String example = RepositoryFiles.read(".env.example");
        Matcher reference = Pattern.compile("\\$\\{([A-Z_]+):[?-]").matcher(RepositoryFiles.read("docker-compose.yml"));
        while (reference.find()) {
            assertThat(example).as("documented in .env.example").containsPattern("(?m)^" + reference.group(1) + "=");
        }
        assertThat(example).containsPattern("(?m)^SWITCHBOARD_MASTER_KEY=$").containsPattern("(?m)^SWITCHBOARD_ADMIN_KEY=$");
        assertThat(RepositoryFiles.read(".gitignore")).containsPattern("(?m)^\\.env$");
    }

    @Test
    void gatewayGetsLongerToStopThanItsOwnShutdownTimeout() {
        Map<String, Object> gateway = services.get("gateway");
        int timeout = Integer.parseInt(((String) at(gateway, "environment", "SWITCHBOARD_SHUTDOWN_TIMEOUT"))
                .replace("s", ""));
        int grace = Integer.parseInt(((String) gateway.get("stop_grace_period")).replace("s", ""));
        assertThat(grace).isGreaterThan(timeout);
    }

    private Map<String, String> dependsOn(String service) {
        Map<String, Map<String, String>> dependencies = at(services.get(service), "depends_on");
        return dependencies.entrySet().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> e.getValue().get("condition")));
    }
}
