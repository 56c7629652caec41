package ai.switchboard.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /admin/v1/usage} over real HTTP against 300,000 generated ledger rows spread over ten days of 2031 (days
 * no other test writes to), checked against direct SQL and against counts known by construction.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UsageApiIT extends GatewayIT {

    private static final Logger log = LoggerFactory.getLogger(UsageApiIT.class);
    private static final int ROWS = 300_000;
    private static final String RANGE = "from=2031-03-01&to=2031-03-11";

    @Autowired
    private JdbcTemplate jdbc;

    @BeforeAll
    void generateRows() {
        jdbc.queryForObject("SELECT usage_ledger_ensure_partitions(DATE '2031-03-01', 10)", Integer.class);
        jdbc.update("DELETE FROM usage_ledger WHERE occurred_at >= '2031-03-01' AND occurred_at < '2031-03-12'");
        long start = System.nanoTime();
        // One row every 2.88 s for ten days; every dimension cycles with i, so each group's count is known.
        jdbc.update("""
                INSERT INTO usage_ledger (id, occurred_at, request_id, key_id, key_prefix, operation, route, model,
                    provider, input_tokens, output_tokens, cached_tokens, cost_usd, latency_ms, ttft_ms, status,
                    error_type, attempts)
                SELECT gen_random_uuid(), TIMESTAMPTZ '2031-03-01 00:00:00+00' + (i - 1) * INTERVAL '2880 ms',
                    'gen-' || i, ('00000000-0000-0000-0000-00000000000' || (i % 4))::uuid, 'sk-sb-gen' || (i % 4),
                    'chat', 'gen-route-' || (i % 3), 'gen-model-' || (i % 5), 'gen-provider-' || (i % 2),
                    100 + i % 100, 50, CASE WHEN i % 10 = 0 THEN 10 ELSE 0 END,
                    ((100 + i % 100) * 0.15 + 50 * 0.6) / 1000000, i % 1000, 100, 
                    CASE WHEN i % 50 = 0 THEN 502 ELSE 200 END,
                    CASE WHEN i % 50 = 0 THEN 'upstream_error' END, 1
                FROM generate_series(1, ?) AS i""", ROWS);
        jdbc.execute("ANALYZE usage_ledger");
        log.info("Generated {} usage rows in {} ms", ROWS, (System.nanoTime() - start) / 1_000_000);
    }

    @Test
    void totalsByModelMatchTheRowsAndDirectSql() {
        JsonNode body = usage(RANGE + "&group_by=model");
        assertThat(body.path("group_by").asString()).isEqualTo("model");
        assertThat(body.path("data")).hasSize(5);
        JsonNode total = body.path("total");
        assertThat(total.path("requests").asLong()).isEqualTo(ROWS);
        assertThat(total.path("errors").asLong()).isEqualTo(ROWS / 50);
        assertThat(total.path("output_tokens").asLong()).isEqualTo(50L * ROWS);
        assertThat(total.path("cached_tokens").asLong()).isEqualTo(10L * ROWS / 10);
        // i % 1000 repeats 300 times: the continuous median of 0..999 is 499.5, the 95th percentile 949.05
        assertThat(total.path("latency_p50_ms").asDouble()).isEqualTo(499.5);
        assertThat(total.path("latency_p95_ms").asDouble()).isCloseTo(949.05, within(1e-6));

        Map<String, Object> expected = jdbc.queryForMap("SELECT count(*) AS n, sum(input_tokens) AS input,"
                + " sum(cost_usd) AS cost FROM usage_ledger WHERE model = 'gen-model-3'"
                + " AND occurred_at >= '2031-03-01' AND occurred_at < '2031-03-11'");
        JsonNode model3 = group(body, "gen-model-3");
        assertThat(model3.path("requests").asLong()).isEqualTo(((Number) expected.get("n")).longValue());
        assertThat(model3.path("requests").asLong()).isEqualTo(ROWS / 5);
        assertThat(model3.path("input_tokens").asLong()).isEqualTo(((Number) expected.get("input")).longValue());
        assertThat(model3.path("cost_usd").decimalValue()).isEqualByComparingTo((BigDecimal) expected.get("cost"));
        assertThat(total.path("cost_usd").decimalValue()).isEqualByComparingTo(jdbc.queryForObject(
                "SELECT sum(cost_usd) FROM usage_ledger WHERE occurred_at >= '2031-03-01' AND occurred_at < '2031-03-11'",
                BigDecimal.class));
    }

    @Test
    void everyGroupingAnswersAndReportsItsTime() {
        Map<String, Integer> groups = Map.of("model", 5, "route", 3, "key", 4, "provider", 2, "day", 10);
        usage(RANGE); // warm-up: the first admin call pays for class loading and the connection
        for (Map.Entry<String, Integer> grouping : groups.entrySet()) {
            long start = System.nanoTime();
            JsonNode body = usage(RANGE + "&group_by=" + grouping.getKey());
            long tenDays = (System.nanoTime() - start) / 1_000_000;
            start = System.nanoTime();
            JsonNode oneDay = usage("from=2031-03-04T00:00:00Z&to=2031-03-05T00:00:00Z&group_by=" + grouping.getKey());
            long day = (System.nanoTime() - start) / 1_000_000;
            log.info("GET /admin/v1/usage group_by={}: {} ms over {} rows (10 days), {} ms over {} rows (1 day)",
                    grouping.getKey(), tenDays, ROWS, day, oneDay.path("total").path("requests").asLong());
            assertThat(body.path("data")).hasSize(grouping.getValue());
            assertThat(body.path("total").path("requests").asLong()).isEqualTo(ROWS);
            assertThat(oneDay.path("total").path("requests").asLong()).isEqualTo(ROWS / 10);
        }
        JsonNode byKey = usage(RANGE + "&group_by=key");
        assertThat(group(byKey, "00000000-0000-0000-0000-000000000002").path("label").asString())
                .isEqualTo("sk-sb-gen2");
        JsonNode byDay = usage(RANGE + "&group_by=day");
        assertThat(group(byDay, "2031-03-10").path("requests").asLong()).isEqualTo(ROWS / 10);
    }

    @Test
    void invalidParametersAreNamedInAProblemDocument() {
        JsonNode problem = http.get().uri("/admin/v1/usage?from=yesterday&to=2031-03-01&group_by=colour")
                .header("Authorization", "Bearer " + ADMIN_KEY)
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(problem.path("errors").findValuesAsString("field")).containsExactlyInAnyOrder("from", "group_by");

        JsonNode reversed = http.get().uri("/admin/v1/usage?from=2031-03-02&to=2031-03-01")
                .header("Authorization", "Bearer " + ADMIN_KEY)
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(reversed.path("errors").get(0).path("field").asString()).isEqualTo("from");

        http.get().uri("/admin/v1/usage?from=2020-01-01&to=2031-03-01")
                .header("Authorization", "Bearer " + ADMIN_KEY)
                .exchange()
                .expectStatus().isBadRequest();
    }

    @Test
    void needsAnAdminKey() {
        String inference = fixtures.key(unique("usage-reader"));
        http.get().uri("/admin/v1/usage").header("Authorization", "Bearer " + inference).exchange()
                .expectStatus().isForbidden();
        http.get().uri("/admin/v1/usage").exchange().expectStatus().isUnauthorized();
    }

    private JsonNode usage(String query) {
        return http.get().uri("/admin/v1/usage?" + query)
                .header("Authorization", "Bearer " + ADMIN_KEY)
                .exchange()
                .expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private static JsonNode group(JsonNode body, String group) {
        for (JsonNode row : body.path("data")) {
            if (group.equals(row.path("group").asString())) {
                return row;
            }
        }
        throw new AssertionError("no group " + group + " in " + body);
    }
}
