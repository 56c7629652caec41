package ai.switchboard.gateway.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import ai.switchboard.registry.testsupport.TestDatabase;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * The proof the issue asks for: a $1.00 budget shared by three gateway replicas on one database is never overspent
 * and nothing is stranded. Each answer costs exactly $0.0042 (12 prompt and 3 completion tokens at $100 and $1,000
 * per million) and each request reserves $0.0048, so 1,000 requests would cost $4.20: the budget runs out after
 * about 238 of them, and whatever is left must be less than one request's worth per replica.
 */
class BudgetReplicasIT {

    private static final BigDecimal ANSWER_COST = new BigDecimal("0.0042");
    private static final int REQUESTS = 1_000;

    @Test
    void threeReplicasNeverSettleMoreThanTheBudgetAndStrandNothing() {
        String prefix = GatewayIT.unique("budget-replicas");
        GatewayIT.UPSTREAM.stubFor(post(urlEqualTo("/" + prefix + "/v1/chat/completions")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody(UpstreamBodies.chatCompletion("m", "ok"))));
        List<GatewayInstance> replicas = new ArrayList<>();
        ConnectionProvider connections = ConnectionProvider.builder("budget-clients").maxConnections(1_200)
                .pendingAcquireMaxCount(-1).build();
        WebClient client = WebClient.builder()
                .clientConnector(new ReactorClientHttpConnector(HttpClient.create(connections)
                        .responseTimeout(Duration.ofSeconds(60))))
                .build();
        String steadyBudget;
        String burstBudget;
        Map<Integer, Integer> steady;
        Map<Integer, Integer> burst;
        try {
            for (int i = 0; i < 3; i++) {
                replicas.add(GatewayInstance.start());
            }
            Fixtures admin = replicas.getFirst().fixtures;
            admin.provider(prefix + "-p", GatewayIT.upstreamBase(prefix));
            Map<String, Object> model = new LinkedHashMap<>();
            model.put("name", prefix + "-m");
            model.put("provider", prefix + "-p");
            model.put("upstream_model", "m");
            model.put("capabilities", List.of("chat"));
            model.put("input_price_per_mtok", 100);
            model.put("output_price_per_mtok", 1000);
            admin.post("/admin/v1/models", model);
            String steadyKey = admin.key(prefix + "-steady", prefix + "-m");
            String burstKey = admin.key(prefix + "-burst", prefix + "-m");
            steadyBudget = admin.post("/admin/v1/budgets", Map.of("name", prefix + "-steady", "scope_type", "key",
                    "scope", prefix + "-steady", "period", "total", "limit_usd", 1)).path("id").asString();
            burstBudget = admin.post("/admin/v1/budgets", Map.of("name", prefix + "-burst", "scope_type", "key",
                    "scope", prefix + "-burst", "period", "total", "limit_usd", 1)).path("id").asString();
            awaitBudgetsOnEveryReplica(replicas, prefix);

            // 64 clients, each sending its next request as soon as its last one ended, spread over the replicas.
            steady = send(client, replicas, steadyKey, prefix + "-m", 64);
            // 1,000 requests at once.
            burst = send(client, replicas, burstKey, prefix + "-m", REQUESTS);
        } finally {
            replicas.forEach(GatewayInstance::close); // each hands back its unused leases and writes its last settlements
            connections.dispose();
        }

        JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(TestDatabase.jdbcUrl(),
                TestDatabase.username(), TestDatabase.password()));
        Map<String, Map<Integer, Integer>> runs = new LinkedHashMap<>();
        runs.put(steadyBudget, steady);
        runs.put(burstBudget, burst);
        for (Map.Entry<String, Map<Integer, Integer>> run : runs.entrySet()) {
            Map<Integer, Integer> statuses = run.getValue();
            assertThat(statuses.keySet()).as("statuses").containsOnly(200, 429);
            assertThat(statuses.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(REQUESTS);
            Map<String, Object> period = jdbc.queryForMap("SELECT spent, leased FROM budget_periods "
                    + "WHERE budget_id = ?::uuid", run.getKey());
            BigDecimal spent = (BigDecimal) period.get("spent");
            System.out.printf("%s run, budget %s: %d answered, %d refused, settled $%s%n",
                    run.getKey().equals(steadyBudget) ? "steady (64 clients)" : "burst (1,000 at once)", run.getKey(),
                    statuses.get(200),
                    statuses.getOrDefault(429, 0), spent.stripTrailingZeros().toPlainString());
            assertThat(spent).as("settled spend").isLessThanOrEqualTo(BigDecimal.ONE);
            assertThat(spent).as("every answer settled, nothing lost")
                    .isEqualByComparingTo(ANSWER_COST.multiply(BigDecimal.valueOf(statuses.get(200))));
            assertThat((BigDecimal) period.get("leased")).as("nothing left on lease").isEqualByComparingTo("0");
            assertThat(jdbc.queryForObject("SELECT coalesce(sum(amount), 0) FROM budget_leases "
                    + "WHERE budget_id = ?::uuid", BigDecimal.class, run.getKey())).isEqualByComparingTo("0");
        }
        BigDecimal steadySpent = ANSWER_COST.multiply(BigDecimal.valueOf(steady.get(200)));
        assertThat(steadySpent).as("settled spend of the steady run, nothing stranded")
                .isGreaterThanOrEqualTo(new BigDecimal("0.95"));
    }

    private static Map<Integer, Integer> send(WebClient client, List<GatewayInstance> replicas, String key,
            String model, int concurrency) {
        ConcurrentMap<Integer, Integer> statuses = new ConcurrentHashMap<>();
        AtomicInteger next = new AtomicInteger();
        String body = "{\"model\":\"" + model + "\",\"max_tokens\":4,"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}";
        Flux.range(0, REQUESTS)
                .flatMap(i -> {
                    GatewayInstance replica = replicas.get(next.getAndIncrement() % replicas.size());
                    return client.post().uri("http://localhost:" + replica.port + "/v1/chat/completions")
                            .header("Authorization", "Bearer " + key).contentType(MediaType.APPLICATION_JSON)
                            .bodyValue(body)
                            .exchangeToMono(response -> response.releaseBody()
                                    .then(Mono.just(response.statusCode().value())));
                }, concurrency)
                .doOnNext(status -> statuses.merge(status, 1, Integer::sum))
                .blockLast(Duration.ofMinutes(3));
        return statuses;
    }

    /** The budgets were created through the first replica; the others learn of them through NOTIFY. */
    private static void awaitBudgetsOnEveryReplica(List<GatewayInstance> replicas, String prefix) {
        for (GatewayInstance replica : replicas) {
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> replica.http.get()
                    .uri("/admin/v1/budgets/" + prefix + "-burst")
                    .header("Authorization", "Bearer " + GatewayIT.ADMIN_KEY).exchange().expectStatus().isOk());
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> replica.budgetsKnown(
                    prefix + "-steady", prefix + "-burst"));
        }
    }
}
