package ai.switchboard.gateway.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import ai.switchboard.gateway.SwitchboardApplication;
import ai.switchboard.registry.testsupport.TcpProxy;
import ai.switchboard.registry.testsupport.TestDatabase;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * With its database gone, the gateway keeps serving from its last registry snapshot: valid keys keep working,
 * unknown keys still fail closed, and admin writes fail fast instead of hanging. A rate-limited key is served from
 * the allowance its replica already holds, then refused (never over its limit) until the database is back. The database sits behind a TCP
 * proxy so the test can cut it without touching the real server.
 */
@SpringBootTest(classes = SwitchboardApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "switchboard.registry.bootstrap-admin-key=" + GatewayIT.ADMIN_KEY,
            "switchboard.registry.master-key=" + GatewayIT.MASTER_KEY,
            "spring.datasource.hikari.connection-timeout=1500",
            "spring.datasource.hikari.validation-timeout=1000",
            // An hour's window, so that no window ends during the test; limits scale to it (10/min is 600/h).
            "switchboard.rate-limits.window=1h",
            "switchboard.rate-limits.store-retry=200ms",
        })
class DatabaseOutageIT {

    private static final TcpProxy DATABASE = startProxy();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        URI target = URI.create(TestDatabase.jdbcUrl().substring("jdbc:".length()));
        String viaProxy = "jdbc:postgresql://127.0.0.1:" + DATABASE.port() + target.getRawPath()
                + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery());
        registry.add("spring.datasource.url", () -> viaProxy);
        registry.add("spring.datasource.username", TestDatabase::username);
        registry.add("spring.datasource.password", TestDatabase::password);
    }

    @AfterAll
    static void closeProxy() {
        DATABASE.close();
    }

    @Test
    void validKeysKeepWorkingAndUnknownKeysFailClosedWhileTheDatabaseIsDown() {
        WebTestClient http = WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(30)).build();
        Fixtures fixtures = new Fixtures(http, GatewayIT.ADMIN_KEY);
        String prefix = GatewayIT.unique("outage");
        GatewayIT.UPSTREAM.stubFor(post(urlEqualTo("/" + prefix + "/v1/chat/completions")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody(UpstreamBodies.chatCompletion("m", "still here"))));
        String key = fixtures.chatModel(prefix + "-m", prefix + "-p", GatewayIT.upstreamBase(prefix), "m");

        DATABASE.cut();
        try {
            chat(http, key, prefix + "-m").expectStatus().isOk()
                    .expectBody().jsonPath("$.choices[0].message.content").isEqualTo("still here");
            http.get().uri("/v1/models").header("Authorization", "Bearer " + key).exchange()
                    .expectStatus().isOk();
            chat(http, "sk-sb-unknown-key-during-outage", prefix + "-m").expectStatus().isUnauthorized();
            http.post().uri("/admin/v1/models").header("Authorization", "Bearer " + GatewayIT.ADMIN_KEY)
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("name", prefix + "-later", "provider", prefix + "-p", "upstream_model", "m"))
                    .exchange()
                    .expectStatus().is5xxServerError();
        } finally {
            DATABASE.restore();
        }

        // Pooled connections broken by the cut are found and replaced one checkout at a time, so the first admin
        // writes after the database returns may still fail; the gateway must recover within a bounded time.
        createWhenDatabaseIsBack(http, Map.of("name", prefix + "-after", "provider", prefix + "-p",
                "upstream_model", "m", "capabilities", List.of("chat")));
        String afterKey = fixtures.key(prefix + "-after-k", prefix + "-after");
        chat(http, afterKey, prefix + "-after").expectStatus().isOk();
    }

    @Test
    void aRateLimitedKeySpendsWhatItsReplicaHoldsThenIsRefusedUntilTheDatabaseIsBack() {
        WebTestClient http = WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(30)).build();
        Fixtures fixtures = new Fixtures(http, GatewayIT.ADMIN_KEY);
        String prefix = GatewayIT.unique("outage-limited");
        GatewayIT.UPSTREAM.stubFor(post(urlEqualTo("/" + prefix + "/v1/chat/completions")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody(UpstreamBodies.chatCompletion("m", "ok"))));
        String key = fixtures.chatModel(prefix + "-m", prefix + "-p", GatewayIT.upstreamBase(prefix), "m");
        fixtures.post("/admin/v1/rate-limits", Map.of("target_type", "key", "target", prefix + "-m-key",
                "requests_per_minute", 10));
        long hour = java.time.Instant.now().getEpochSecond() / 3600;
        // 600 an hour, leased 6 at a time: the first request leases 6 and spends 1.
        chat(http, key, prefix + "-m").expectStatus().isOk().expectHeader()
                .valueEquals("x-ratelimit-limit-requests", "600");

        int served = 0;
        String refusal = null;
        DATABASE.cut();
        try {
            for (int i = 0; i < 20 && refusal == null; i++) {
                org.springframework.test.web.reactive.server.EntityExchangeResult<String> answer =
                        chat(http, key, prefix + "-m").expectBody(String.class).returnResult();
                if (answer.getStatus().value() == 200) {
                    served++;
                } else {
                    org.assertj.core.api.Assertions.assertThat(answer.getStatus().value()).isEqualTo(429);
                    org.assertj.core.api.Assertions.assertThat(answer.getResponseHeaders().getFirst("Retry-After"))
                            .isNotNull();
                    refusal = answer.getResponseBody();
                }
            }
        } finally {
            DATABASE.restore();
        }

        org.assertj.core.api.Assertions.assertThat(refusal).contains("rate_limit_exceeded")
                .contains("cannot be checked right now");
        if (java.time.Instant.now().getEpochSecond() / 3600 == hour) {
            org.assertj.core.api.Assertions.assertThat(served).as("served from the lease held").isEqualTo(5);
        }
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> chat(http, key, prefix + "-m").expectStatus().isOk());
    }

    /**
     * A budget with the database gone: the replica spends only the lease it holds, then refuses with a 503 saying
     * budgets cannot be checked; the settlements it made meanwhile are written once the database is back.
     */
    @Test
    void aBudgetSpendsOnlyItsLeaseWhileTheDatabaseIsDownAndLosesNothing() {
        WebTestClient http = WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(30)).build();
        Fixtures fixtures = new Fixtures(http, GatewayIT.ADMIN_KEY);
        String prefix = GatewayIT.unique("outage-budget");
        GatewayIT.UPSTREAM.stubFor(post(urlEqualTo("/" + prefix + "/v1/chat/completions")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody(UpstreamBodies.chatCompletion("m", "ok"))));
        fixtures.provider(prefix + "-p", GatewayIT.upstreamBase(prefix));
        // Each answer costs $0.0042 and each request reserves $0.0048 (see BudgetsIT); a lease is 2% of $1.
        fixtures.post("/admin/v1/models", Map.of("name", prefix + "-m", "provider", prefix + "-p",
                "upstream_model", "m", "capabilities", List.of("chat"), "input_price_per_mtok", 100,
                "output_price_per_mtok", 1000));
        String key = fixtures.key(prefix + "-k", prefix + "-m");
        String budget = fixtures.post("/admin/v1/budgets", Map.of("name", prefix + "-b", "scope_type", "key",
                "scope", prefix + "-k", "period", "total", "limit_usd", 1)).path("id").asString();
        JdbcTemplate direct = new JdbcTemplate(new DriverManagerDataSource(TestDatabase.jdbcUrl(),
                TestDatabase.username(), TestDatabase.password()));
        budgetChat(http, key, prefix + "-m").expectStatus().isOk();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(spent(direct, budget)).isEqualByComparingTo("0.0042"));

        List<Integer> statuses = new java.util.ArrayList<>();
        DATABASE.cut();
        try {
            // $0.0158 of the $0.02 lease is left: three more answers fit ($0.0116, $0.0074, $0.0032 left), a fourth
            // reservation of $0.0048 does not.
            for (int i = 0; i < 3; i++) {
                statuses.add(budgetChat(http, key, prefix + "-m").returnResult(String.class).getStatus().value());
            }
            budgetChat(http, key, prefix + "-m").expectStatus().isEqualTo(503).expectBody()
                    .jsonPath("$.error.code").isEqualTo("budget_unavailable")
                    .jsonPath("$.error.message").value(message -> assertThat((String) message)
                            .contains("Budgets cannot be checked").contains(prefix + "-b"));
            budgetChat(http, key, prefix + "-m").expectStatus().isEqualTo(503);
        } finally {
            DATABASE.restore();
        }
        assertThat(statuses).containsExactly(200, 200, 200);

        // The three answers served during the outage were queued, and are written now: nothing lost.
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(spent(direct, budget)).isEqualByComparingTo("0.0168"));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                budgetChat(http, key, prefix + "-m").expectStatus().isOk());
    }

    /**
     * The response cache with the database gone: the shared tier fails (and is left alone for a while), the replica's
     * own tier keeps answering what it holds, and what it does not hold is answered by the model and cached locally.
     */
    @Test
    void theResponseCacheDegradesToThisReplicasTierAndRequestsAreStillServed() {
        WebTestClient http = WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(30)).build();
        Fixtures fixtures = new Fixtures(http, GatewayIT.ADMIN_KEY);
        String prefix = GatewayIT.unique("outage-cache");
        GatewayIT.UPSTREAM.stubFor(post(urlEqualTo("/" + prefix + "/v1/chat/completions")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody(UpstreamBodies.chatCompletion("m", "ok"))));
        String key = fixtures.chatModel(prefix + "-m", prefix + "-p", GatewayIT.upstreamBase(prefix), "m");
        fixtures.post("/admin/v1/cache-policies", Map.of("target_type", "model", "target", prefix + "-m"));
        String cached = "{\"model\":\"" + prefix + "-m\",\"temperature\":0,"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"cached before\"}]}";
        String fresh = cached.replace("cached before", "asked during");
        cacheChat(http, key, cached).expectHeader().valueEquals("x-switchboard-cache", "miss");

        DATABASE.cut();
        try {
            cacheChat(http, key, cached).expectHeader().valueEquals("x-switchboard-cache", "hit");
            cacheChat(http, key, fresh).expectHeader().valueEquals("x-switchboard-cache", "miss");
            cacheChat(http, key, fresh).expectHeader().valueEquals("x-switchboard-cache", "hit");
        } finally {
            DATABASE.restore();
        }
        assertThat(GatewayIT.UPSTREAM.findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
                urlEqualTo("/" + prefix + "/v1/chat/completions")))).hasSize(2);
        // Leave the pool healthy for the next test: its connections broken by the cut are replaced on checkout.
        createWhenDatabaseIsBack(http, Map.of("name", prefix + "-after", "provider", prefix + "-p",
                "upstream_model", "m", "capabilities", List.of("chat")));
    }

    private static WebTestClient.ResponseSpec cacheChat(WebTestClient http, String key, String body) {
        return http.post().uri("/v1/chat/completions").header("Authorization", "Bearer " + key)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange().expectStatus().isOk();
    }

    private static BigDecimal spent(JdbcTemplate jdbc, String budget) {
        return jdbc.queryForObject("SELECT coalesce(sum(spent), 0) FROM budget_periods WHERE budget_id = ?::uuid",
                BigDecimal.class, budget);
    }

    private static WebTestClient.ResponseSpec budgetChat(WebTestClient http, String key, String model) {
        return http.post().uri("/v1/chat/completions").header("Authorization", "Bearer " + key)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"model\":\"" + model + "\",\"max_tokens\":4,"
                        + "\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}")
                .exchange();
    }

    private static void createWhenDatabaseIsBack(WebTestClient http, Map<String, Object> model) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        int status;
        do {
            status = http.post().uri("/admin/v1/models").header("Authorization", "Bearer " + GatewayIT.ADMIN_KEY)
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(model).exchange()
                    .returnResult(String.class).getStatus().value();
        } while (status >= 500 && System.nanoTime() < deadline);
        org.assertj.core.api.Assertions.assertThat(status).as("admin write after the database returned").isEqualTo(201);
    }

    private static WebTestClient.ResponseSpec chat(WebTestClient http, String key, String model) {
        return http.post().uri("/v1/chat/completions").header("Authorization", "Bearer " + key)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"model\":\"" + model + "\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}")
                .exchange();
    }

    private static TcpProxy startProxy() {
        URI target = URI.create(TestDatabase.jdbcUrl().substring("jdbc:".length()));
        return TcpProxy.start(target.getHost(), target.getPort() == -1 ? 5432 : target.getPort());
    }
}
