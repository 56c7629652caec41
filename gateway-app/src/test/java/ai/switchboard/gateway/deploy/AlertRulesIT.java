package ai.switchboard.gateway.deploy;

import static ai.switchboard.gateway.deploy.RepositoryFiles.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.switchboard.providers.api.ErrorType;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The alerting rules as Prometheus' own tool sees them: promtool (Debian's package) checks the rule file the compose
 * stack loads and runs its unit tests (deploy/prometheus/alerts-tests.yml: input series, every alert firing and not
 * firing). The rules have one source, helm/switchboard/templates/_alerts.tpl: the chart's PrometheusRule renders it,
 * and deploy/prometheus/alerts.yml must be exactly its rendering with the default values. With
 * {@code -Dswitchboard.alerts.write=true} this test rewrites that file instead of failing.
 */
class AlertRulesIT {

    static final String PROMTOOL = "/usr/bin/promtool";
    private static final Path CHART = RepositoryFiles.root().resolve("helm/switchboard");
    private static final Path PROMETHEUS_DIR = RepositoryFiles.root().resolve("deploy/prometheus");
    private static final Path RULES = PROMETHEUS_DIR.resolve("alerts.yml");
    private static final String HEADER = """
            # Switchboard's alerting rules, loaded by the compose stack's Prometheus (prometheus.yml, rule_files).
            # Generated from helm/switchboard/templates/_alerts.tpl with the chart's default values; do not edit by hand.
            # Regenerate: ./mvnw -B -pl gateway-app -am test -Dtest=AlertRulesIT -Dsurefire.failIfNoSpecifiedTests=false \\
            #   -Dswitchboard.alerts.write=true
            # Runbooks: docs/alerts.md. Unit tests: alerts-tests.yml (promtool test rules alerts-tests.yml).
            """;
    private static final List<String> ALERTS = List.of("SwitchboardBudgetThresholdCrossed",
            "SwitchboardBudgetExhausted", "SwitchboardModelErrorRatioHigh", "SwitchboardModelLatencyHigh",
            "SwitchboardModelTimeToFirstTokenHigh", "SwitchboardCircuitOpen", "SwitchboardUsageRecordsDropped",
            "SwitchboardRegistryRefreshFailing", "SwitchboardRegistrySnapshotStale");

    @Test
    void theChartRendersNoPrometheusRuleUnlessAskedTo() {
        String rendered = template().call();
        assertThat(RepositoryFiles.yamlDocuments(rendered)).noneMatch(o -> "PrometheusRule".equals(o.get("kind")));
    }

    @Test
    void theComposeRuleFileIsTheChartsRulesWithTheDefaultValues() throws IOException {
        String expected = HEADER + ruleFileOf(template().set("alerts.enabled", true).call());
        if (Boolean.getBoolean("switchboard.alerts.write")) {
            Files.writeString(RULES, expected);
        }
        assertThat(Files.readString(RULES))
                .as("deploy/prometheus/alerts.yml is generated from the chart; rerun this test with "
                        + "-Dswitchboard.alerts.write=true after changing helm/switchboard/templates/_alerts.tpl")
                .isEqualTo(expected);
        assertThat(alertNames(rules(expected))).containsExactlyElementsOf(ALERTS);
    }

    @Test
    void promtoolAcceptsTheRulesAndTheirUnitTestsPass() {
        assertThat(promtool("check", "rules", RULES.toString())).contains("SUCCESS: " + ALERTS.size() + " rules found");
        assertThat(promtool("test", "rules", PROMETHEUS_DIR.resolve("alerts-tests.yml").toString())).contains("SUCCESS");
    }

    @Test
    void theComposePrometheusLoadsTheRuleFileFromBesideItsConfiguration() {
        Map<String, Object> compose = RepositoryFiles.yaml(RepositoryFiles.read("docker-compose.yml"));
        assertThat((List<String>) at(compose, "services", "prometheus", "volumes"))
                .contains("./deploy/prometheus/prometheus.yml:/etc/prometheus/prometheus.yml:ro",
                        "./deploy/prometheus/alerts.yml:/etc/prometheus/alerts.yml:ro");
        Map<String, Object> config = RepositoryFiles.yaml(RepositoryFiles.read("deploy/prometheus/prometheus.yml"));
        assertThat((List<String>) config.get("rule_files")).containsExactly("alerts.yml");
        // promtool resolves rule_files against the configuration's directory, as Prometheus does in the container.
        assertThat(promtool("check", "config", PROMETHEUS_DIR.resolve("prometheus.yml").toString()))
                .contains("SUCCESS: 1 rule files found");
    }

    @Test
    void valuesSetThresholdsPerModelSeveritiesLabelsAndWhichAlertsExist(@TempDir Path dir) throws IOException {
        Path values = dir.resolve("values.yaml");
        Files.writeString(values, """
                alerts:
                  enabled: true
                  labels: {release: kube-prometheus-stack}
                  ruleLabels: {team: platform}
                  runbookUrl: https://runbooks.example.com/switchboard/alerts.md
                  rateWindow: 10m
                  disabled: [SwitchboardBudgetThresholdCrossed]
                  errorRatio: {threshold: 0.1}
                  latency:
                    p95Seconds: 20
                    models: {o3: 180, gpt-4.1: 45}
                  circuitOpen: {severity: critical}
                """);
        String rendered = template().withValuesFile(values).call();
        Map<String, Object> rule = RepositoryFiles.yamlDocuments(rendered).stream()
                .filter(o -> "PrometheusRule".equals(o.get("kind"))).findFirst().orElseThrow();
        assertThat((Map<String, Object>) at(rule, "metadata", "labels"))
                .containsEntry("release", "kube-prometheus-stack").containsEntry("app.kubernetes.io/name", "switchboard");
        List<Map<String, Object>> rules = at(rule, "spec", "groups", 0, "rules");

        assertThat(alertNames(rules)).doesNotContain("SwitchboardBudgetThresholdCrossed")
                .containsAll(ALERTS.subList(1, ALERTS.size()));
        assertThat(rules).allSatisfy(r -> {
            assertThat((Map<String, String>) r.get("labels")).containsEntry("team", "platform");
            assertThat((String) at(r, "annotations", "runbook_url")).isEqualTo(
                    "https://runbooks.example.com/switchboard/alerts.md#" + ((String) r.get("alert")).toLowerCase());
        });
        assertThat(expr(rules, "SwitchboardModelErrorRatioHigh")).endsWith("> 0.1").contains("[10m]");
        assertThat((String) at(named(rules, "SwitchboardCircuitOpen"), "labels", "severity")).isEqualTo("critical");
        assertThat(expr(rules, "SwitchboardModelLatencyHigh").split("\nor\n")).satisfiesExactly(
                other -> assertThat(other).endsWith("> 20")
                        .contains("{error_type=\"none\", gen_ai_request_model!~`gpt-4\\.1|o3`}[10m]"),
                gpt41 -> assertThat(gpt41).endsWith("> 45")
                        .contains("{error_type=\"none\", gen_ai_request_model=`gpt-4.1`}[10m]"),
                o3 -> assertThat(o3).endsWith("> 180").contains("gen_ai_request_model=`o3`"));

        // Prometheus accepts the rendering, and the per-model thresholds behave (override-tests.yml).
        Files.writeString(dir.resolve("alerts.yml"), ruleFileOf(rendered));
        Files.copy(Path.of("src/test/resources/alerts/override-tests.yml"), dir.resolve("override-tests.yml"));
        assertThat(promtool("check", "rules", dir.resolve("alerts.yml").toString())).contains("SUCCESS");
        assertThat(promtool("test", "rules", dir.resolve("override-tests.yml").toString())).contains("SUCCESS");
    }

    @Test
    void theSchemaRefusesValuesThatWouldBreakTheRules() {
        Map<String, Object> refused = Map.of("alerts.errorRatio.threshold", 1.5, "alerts.rateWindow", "5 minutes",
                "alerts.disabled", "{SwitchboardNoSuchAlert}", "alerts.latency.p95Seconds", 0,
                "alerts.circuitOpen.forr", "5m", "alerts.registrySnapshotStale.afterSeconds", "5m");
        refused.forEach((key, value) -> assertThatThrownBy(
                () -> template().set("alerts.enabled", true).set(key, value).call()).as(key + "=" + value)
                .hasMessageContaining("values don't meet the specifications of the schema"));
    }

    /**
     * A model's error ratio counts the failures that are not the request's own: every error type after which another
     * deployment could still answer, except a context too long for the model, plus the gateway's own faults. A new
     * {@link ErrorType} fails this test until the default in values.yaml decides about it.
     */
    @Test
    void theErrorRatioCountsEveryFailureThatIsNotTheClientsOwn() {
        Pattern counted = Pattern.compile((String) at(RepositoryFiles.yaml(RepositoryFiles.read(
                "helm/switchboard/values.yaml")), "alerts", "errorRatio", "errorTypes"));
        for (ErrorType type : ErrorType.values()) {
            boolean notTheClients = !type.endsRequest() && type != ErrorType.CONTEXT_LENGTH_EXCEEDED;
            assertThat(counted.matcher(type.tag()).matches()).as(type.tag()).isEqualTo(notTheClients);
        }
        assertThat(counted.matcher("internal").matches()).isTrue();
        for (String theClients : List.of("none", "client_closed", "invalid_request_error", "model_not_found",
                "invalid_api_key", "insufficient_permissions", "permission_error", "request_too_large",
                "server_shutting_down", "http_404")) {
            assertThat(counted.matcher(theClients).matches()).as(theClients).isFalse();
        }
    }

    private static TemplateCommand template() {
        return new Helm(CHART).template().withName("sb").withNamespace("ai").withKubeVersion("1.33.0");
    }

    /** The PrometheusRule's spec from a rendered chart, as the text of a Prometheus rule file. */
    private static String ruleFileOf(String rendered) {
        String document = Arrays.stream(rendered.split("(?m)^---$"))
                .filter(doc -> doc.contains("# Source: switchboard/templates/prometheusrule.yaml")).findFirst()
                .orElseThrow(() -> new AssertionError("no PrometheusRule in\n" + rendered));
        String spec = document.substring(document.indexOf("\nspec:\n") + "\nspec:\n".length());
        return spec.lines().map(line -> line.isEmpty() ? line : line.substring(2))
                .collect(Collectors.joining("\n", "", "\n"));
    }

    private static List<Map<String, Object>> rules(String ruleFile) {
        return at(RepositoryFiles.yaml(ruleFile), "groups", 0, "rules");
    }

    private static List<String> alertNames(List<Map<String, Object>> rules) {
        return rules.stream().map(r -> (String) r.get("alert")).toList();
    }

    private static Map<String, Object> named(List<Map<String, Object>> rules, String alert) {
        List<Map<String, Object>> named = rules.stream().filter(r -> alert.equals(r.get("alert"))).toList();
        assertThat(named).as(alert).hasSize(1);
        return named.getFirst();
    }

    private static String expr(List<Map<String, Object>> rules, String alert) {
        return ((String) named(rules, alert).get("expr")).strip();
    }

    /** Runs promtool and returns what it printed; fails with that output unless it exits 0. */
    static String promtool(String... args) {
        try {
            Process process = new ProcessBuilder(concat(PROMTOOL, args)).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            assertThat(process.waitFor()).as(String.join(" ", args) + "\n" + output).isZero();
            return output;
        } catch (IOException e) {
            throw new AssertionError("promtool does not run (Debian package prometheus, see .ci/run)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static List<String> concat(String first, String[] rest) {
        List<String> all = new java.util.ArrayList<>(List.of(first));
        all.addAll(List.of(rest));
        return all;
    }
}
