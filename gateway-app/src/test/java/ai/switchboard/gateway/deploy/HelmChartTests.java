package ai.switchboard.gateway.deploy;

import static ai.switchboard.gateway.deploy.RepositoryFiles.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Lints and renders helm/switchboard with Helm itself (helm-java runs Helm's Go code as a native library), for the
 * default values and for ci/production-values.yaml, and checks the objects an operator relies on.
 */
class HelmChartTests {

    private static final Path CHART = RepositoryFiles.root().resolve("helm/switchboard");
    /** Helm's built-in default (1.20) is older than the chart supports; render for a current cluster. */
    private static final String KUBE_VERSION = "1.33.0";

    @Test
    void lintsCleanInStrictMode() {
        LintResult lint = new Helm(CHART).lint().strict().call();
        assertThat(lint.isFailed()).as(String.join("\n", lint.getMessages())).isFalse();
        assertThat(lint.getMessages()).noneMatch(message -> message.contains("[WARNING]")
                || message.contains("[ERROR]"));
    }

    @Test
    void defaultValuesRunOneReplicaWithProbesSecretsAndTheDashboard() {
        Rendered chart = render(null);
        Map<String, Object> container = chart.container();
        assertProbesAndShutdown(chart, container, 10 + 120 + 15);
        assertHardened(chart, container);
        // Embedded mode: database and generated master key live together in the pod; no Secret is needed.
        assertThat(chart.find("Secret")).isEmpty();
        assertThat(chart.env(container, "SWITCHBOARD_MASTER_KEY")).isNull();
        assertThat(chart.env(container, "SWITCHBOARD_DATABASE_URL")).isNull();
        assertThat(chart.find("HorizontalPodAutoscaler")).isEmpty();
        assertThat(chart.find("PodDisruptionBudget")).as("no budget for a single pod").isEmpty();
        assertThat(chart.find("ServiceMonitor")).isEmpty();
        assertThat((Integer) at(chart.one("Deployment"), "spec", "replicas")).isEqualTo(1);
        assertDashboard(chart);
        assertLabels(chart);
    }

    @Test
    void productionValuesScaleOverAnExternalDatabaseWithSecretsKeptOutsideHelm() {
        Rendered chart = render(CHART.resolve("ci/production-values.yaml"));
        Map<String, Object> container = chart.container();
        assertProbesAndShutdown(chart, container, 10 + 300 + 15);
        assertHardened(chart, container);
        assertThat(chart.find("Secret")).as("existingSecret: the chart creates none").isEmpty();
        for (String[] env : new String[][] {{"SWITCHBOARD_MASTER_KEY", "master-key"},
                {"SWITCHBOARD_DATABASE_URL", "database-url"}}) {
            assertThat(chart.env(container, env[0]))
                    .isEqualTo(Map.of("secretKeyRef", Map.of("name", "switchboard-secrets", "key", env[1])));
        }
        assertThat((Map<String, Object>) at(chart.env(container, "SWITCHBOARD_ADMIN_KEY"), "secretKeyRef"))
                .containsEntry("name", "switchboard-secrets").containsEntry("optional", true);
        assertThat((List<Object>) container.get("envFrom"))
                .containsExactly(Map.of("secretRef", Map.of("name", "switchboard-provider-credentials")));
        assertThat((String) at(container, "image")).isEqualTo("registry.example.com/platform/switchboard:0.1.0");

        Map<String, Object> deployment = chart.one("Deployment");
        assertThat(at(deployment, "spec", "replicas") == null).as("the HPA owns the replica count").isTrue();
        Map<String, Object> hpa = chart.one("HorizontalPodAutoscaler");
        assertThat((Integer) at(hpa, "spec", "minReplicas")).isEqualTo(3);
        assertThat((Integer) at(hpa, "spec", "maxReplicas")).isEqualTo(12);
        assertThat((String) at(hpa, "spec", "scaleTargetRef", "name")).isEqualTo("sb-switchboard");
        assertThat((Integer) at(hpa, "spec", "metrics", 0, "resource", "target", "averageUtilization")).isEqualTo(65);
        Map<String, Object> pdb = chart.one("PodDisruptionBudget");
        assertThat((Integer) at(pdb, "spec", "minAvailable")).isEqualTo(2);
        assertThat((Map<String, Object>) at(pdb, "spec", "selector", "matchLabels"))
                .isEqualTo(at(deployment, "spec", "selector", "matchLabels"));
        Map<String, Object> monitor = chart.one("ServiceMonitor");
        assertThat((String) at(monitor, "metadata", "labels", "release")).isEqualTo("kube-prometheus-stack");
        assertThat((String) at(monitor, "spec", "endpoints", 0, "path")).isEqualTo("/actuator/prometheus");

        Map<String, Object> config = chart.one("ConfigMap", "sb-switchboard");
        Map<String, Object> registry = RepositoryFiles.yaml((String) at(config, "data", "registry.yaml"));
        assertThat((String) at(registry, "providers", 0, "api_key_env")).isEqualTo("OPENAI_API_KEY");
        assertThat(chart.env(container, "SWITCHBOARD_CONFIG_FILE")).isEqualTo("/etc/switchboard/registry.yaml");
        assertThat((List<Map<String, Object>>) at(chart.pod(), "topologySpreadConstraints")).hasSize(2);
        assertDashboard(chart);
        assertLabels(chart);
    }

    @Test
    void inlineValuesGoIntoTheChartsOwnSecretAndAnExternalDatabaseNeedsAMasterKey() {
        var template = new Helm(CHART).template().withName("sb").withKubeVersion(KUBE_VERSION)
                .set("database.url", "jdbc:postgresql://db:5432/switchboard").set("replicaCount", 2);
        assertThatThrownBy(template::call).hasMessageContaining("secrets.masterKey is required");

        Rendered chart = new Rendered(RepositoryFiles.yamlDocuments(template
                .set("secrets.masterKey", "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=").call()));
        assertThat((Map<String, Object>) at(chart.one("Secret"), "stringData"))
                .containsOnlyKeys("master-key", "database-url");
        assertThat(chart.env(chart.container(), "SWITCHBOARD_DATABASE_URL"))
                .isEqualTo(Map.of("secretKeyRef", Map.of("name", "sb-switchboard", "key", "database-url")));
        assertThat((String) at(chart.pod().get("containers"), 0, "image")).isEqualTo("switchboard:0.1.0-SNAPSHOT");
        assertThat(chart.find("PodDisruptionBudget")).hasSize(1);
    }

    @Test
    void refusesSeveralReplicasWithoutASharedDatabase() {
        assertThatThrownBy(() -> new Helm(CHART).template().withName("sb").withKubeVersion(KUBE_VERSION).set("replicaCount", 2).call())
                .hasMessageContaining("Several replicas need one shared PostgreSQL");
    }

    private static void assertProbesAndShutdown(Rendered chart, Map<String, Object> container, int grace) {
        assertThat((String) at(container, "readinessProbe", "httpGet", "path")).isEqualTo("/actuator/health/readiness");
        assertThat((String) at(container, "livenessProbe", "httpGet", "path")).isEqualTo("/actuator/health/liveness");
        assertThat((String) at(container, "startupProbe", "httpGet", "path")).isEqualTo("/actuator/health/liveness");
        assertThat((String) at(container, "readinessProbe", "httpGet", "port")).isEqualTo("http");
        assertThat((Integer) at(container, "ports", 0, "containerPort")).isEqualTo(8080);
        int shutdownSeconds = Integer.parseInt(((String) chart.env(container, "SWITCHBOARD_SHUTDOWN_TIMEOUT"))
                .replace("s", ""));
        assertThat((Integer) chart.pod().get("terminationGracePeriodSeconds")).isEqualTo(grace)
                .isGreaterThan(shutdownSeconds);
        assertThat((List<String>) at(container, "lifecycle", "preStop", "exec", "command")).containsExactly("sleep",
                "10");
        assertThat((Map<String, Object>) container.get("resources")).containsKeys("requests", "limits");
    }

    private static void assertHardened(Rendered chart, Map<String, Object> container) {
        assertThat((Map<String, Object>) chart.pod().get("securityContext")).containsEntry("runAsNonRoot", true)
                .containsEntry("runAsUser", 65532);
        assertThat((Map<String, Object>) container.get("securityContext"))
                .containsEntry("readOnlyRootFilesystem", true).containsEntry("allowPrivilegeEscalation", false);
        assertThat((List<Map<String, Object>>) container.get("volumeMounts"))
                .anySatisfy(mount -> assertThat(mount).containsEntry("mountPath", "/tmp"));
        assertThat((List<Map<String, Object>>) chart.pod().get("volumes"))
                .anySatisfy(volume -> assertThat(volume).containsEntry("name", "tmp").containsKey("emptyDir"));
    }

    private static void assertDashboard(Rendered chart) {
        Map<String, Object> dashboards = chart.one("ConfigMap", "sb-switchboard-dashboards");
        assertThat((String) at(dashboards, "metadata", "labels", "grafana_dashboard")).isEqualTo("1");
        assertThat((String) at(dashboards, "data", "switchboard-overview.json"))
                .contains("gen_ai_server_request_duration_seconds_bucket").contains("\"uid\": \"switchboard-overview\"");
    }

    private static void assertLabels(Rendered chart) {
        for (Map<String, Object> object : chart.objects()) {
            assertThat((Map<String, Object>) at(object, "metadata", "labels")).as(object.get("kind") + " labels")
                    .containsEntry("app.kubernetes.io/name", "switchboard")
                    .containsEntry("app.kubernetes.io/instance", "sb")
                    .containsEntry("app.kubernetes.io/managed-by", "Helm");
        }
        assertThat((Map<String, Object>) at(chart.one("Service"), "spec", "selector"))
                .isEqualTo(at(chart.one("Deployment"), "spec", "selector", "matchLabels"));
    }

    private static Rendered render(Path valuesFile) {
        var template = new Helm(CHART).template().withName("sb").withNamespace("ai").withKubeVersion(KUBE_VERSION);
        if (valuesFile != null) {
            template = template.withValuesFile(valuesFile);
        }
        return new Rendered(RepositoryFiles.yamlDocuments(template.call()));
    }

    /** The objects of one rendering, with look-ups by kind and name. */
    private record Rendered(List<Map<String, Object>> objects) {

        List<Map<String, Object>> find(String kind) {
            return objects.stream().filter(o -> kind.equals(o.get("kind"))).toList();
        }

        Map<String, Object> one(String kind) {
            assertThat(find(kind)).as(kind).hasSize(1);
            return find(kind).getFirst();
        }

        Map<String, Object> one(String kind, String name) {
            Optional<Map<String, Object>> found = find(kind).stream()
                    .filter(o -> name.equals(at(o, "metadata", "name"))).findFirst();
            assertThat(found).as(kind + " " + name).isPresent();
            return found.get();
        }

        Map<String, Object> pod() {
            return at(one("Deployment"), "spec", "template", "spec");
        }

        Map<String, Object> container() {
            return at(pod(), "containers", 0);
        }

        /** The value of an env var, or its valueFrom map, or null when absent. */
        Object env(Map<String, Object> container, String name) {
            for (Map<String, Object> env : (List<Map<String, Object>>) container.get("env")) {
                if (name.equals(env.get("name"))) {
                    return env.containsKey("value") ? env.get("value") : env.get("valueFrom");
                }
            }
            return null;
        }
    }
}
