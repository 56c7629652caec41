package ai.switchboard.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Every metric and label the alerting rules read (deploy/prometheus/alerts.yml) is in this running gateway's scrape,
 * so a renamed meter or tag fails here instead of leaving an alert that can never fire. The rules' behaviour on input
 * series is promtool's part ({@code AlertRulesIT}).
 */
class AlertRuleMetricsIT extends GatewayIT {

    static final Path RULES = Path.of("..", "deploy", "prometheus", "alerts.yml");
    /** The budget stage creates these on their first event; a gateway without budgets exports neither. */
    private static final Set<String> CREATED_BY_THEIR_FIRST_EVENT = Set.of(
            "switchboard_budget_threshold_crossed_total", "switchboard_budget_exhausted_total");
    /** Prometheus adds these to every scraped series. */
    private static final Set<String> TARGET_LABELS = Set.of("instance", "job");

    private static final Pattern METRIC = Pattern.compile("\\b(?:gen_ai|switchboard|resilience4j)_[a-z0-9_]+");
    private static final Pattern SELECTOR = Pattern.compile("(" + METRIC.pattern() + ")\\{([^}]*)}");
    private static final Pattern MATCHER = Pattern.compile("(\\w+)\\s*(?:=~|!~|!=|=)");
    private static final Pattern GROUPING = Pattern.compile("\\b(?:by|without|on|ignoring)\\s*\\(([^)]*)\\)");
    private static final Pattern TEMPLATE_LABEL = Pattern.compile("\\$labels\\.(\\w+)");
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})?\\s");
    private static final Pattern SAMPLE_LABEL = Pattern.compile("(\\w+)=\"");

    @Test
    void everyMetricAndLabelTheAlertRulesReadIsInTheScrape() throws IOException {
        // One streamed answer: request duration, time to first token and the deployment's circuit breaker.
        String prefix = unique("alerts");
        String key = fixtures.chatModel(prefix + "-m", prefix + "-p", upstreamBase(prefix), "gpt-4o-mini");
        stubStreamedAnswer(prefix, "Hello");
        http.post().uri("/v1/chat/completions").header("Authorization", "Bearer " + key)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"model\":\"" + prefix + "-m\",\"stream\":true,"
                        + "\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}")
                .exchange().expectStatus().isOk().expectBody(String.class).value(body -> assertThat(body)
                        .contains("Hello").contains("[DONE]"));
        Map<String, Set<String>> scraped = labelsByMetric(http.get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());

        List<Map<String, Object>> rules = rules();
        assertThat(rules).hasSize(9);
        for (Map<String, Object> rule : rules) {
            String alert = (String) rule.get("alert");
            String expr = (String) rule.get("expr");
            // Label names share the metrics' prefixes: look for metrics outside selectors and grouping clauses.
            Set<String> metrics = all(METRIC, GROUPING.matcher(expr.replaceAll("\\{[^}]*}", "")).replaceAll(""), 0);
            assertThat(metrics).as(alert).isNotEmpty();
            Set<String> exported = new HashSet<>();
            for (String metric : metrics) {
                if (scraped.containsKey(metric)) {
                    exported.addAll(scraped.get(metric));
                } else {
                    assertThat(CREATED_BY_THEIR_FIRST_EVENT).as(alert + " reads " + metric + ", not in the scrape")
                            .contains(metric);
                }
            }
            if (exported.isEmpty()) {
                continue;
            }
            Matcher selector = SELECTOR.matcher(expr);
            while (selector.find()) {
                assertThat(scraped.get(selector.group(1))).as(alert + ": labels of " + selector.group(1))
                        .containsAll(all(MATCHER, selector.group(2), 1));
            }
            Set<String> used = all(GROUPING, expr, 1).stream()
                    .flatMap(list -> List.of(list.split(",")).stream()).map(String::strip)
                    .filter(label -> !label.isEmpty()).collect(java.util.stream.Collectors.toSet());
            used.addAll(all(TEMPLATE_LABEL, String.valueOf(rule.get("annotations")), 1));
            used.removeAll(TARGET_LABELS);
            assertThat(exported).as(alert + ": labels its grouping and annotations use").containsAll(used);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rules() throws IOException {
        Map<String, Object> file = new Yaml(new LoaderOptions()).load(Files.readString(RULES));
        List<Map<String, Object>> groups = (List<Map<String, Object>>) file.get("groups");
        return groups.stream().flatMap(group -> ((List<Map<String, Object>>) group.get("rules")).stream()).toList();
    }

    /** Sample name to the label names seen on it, from a Prometheus text exposition. */
    private static Map<String, Set<String>> labelsByMetric(String scrape) {
        Map<String, Set<String>> labels = new HashMap<>();
        for (String line : scrape.lines().toList()) {
            Matcher sample = SAMPLE.matcher(line);
            if (!line.startsWith("#") && sample.find()) {
                labels.computeIfAbsent(sample.group(1), name -> new HashSet<>())
                        .addAll(sample.group(2) == null ? Set.of() : all(SAMPLE_LABEL, sample.group(2), 1));
            }
        }
        return labels;
    }

    private static Set<String> all(Pattern pattern, String text, int group) {
        Set<String> found = new HashSet<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(group));
        }
        return found;
    }
}
