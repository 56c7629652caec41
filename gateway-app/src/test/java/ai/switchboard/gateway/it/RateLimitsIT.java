package ai.switchboard.gateway.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.switchboard.gateway.testsupport.MovableClock;
import ai.switchboard.registry.testsupport.TestDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Rate limits on three gateway replicas sharing one PostgreSQL, as issue 12 asks: together they hold a 600 requests
 * per minute limit within 5%, also when the traffic is uneven, and every response of a limited key says so in
 * OpenAI's headers. The replicas share one clock the test moves, so a minute passes at once and no test waits for
 * one; everything else (HTTP, leases, the database) is real.
 */
class RateLimitsIT {

    private static final JsonMapper JSON = JsonMapper.shared();
    private static final MovableClock CLOCK = new MovableClock(Instant.now().truncatedTo(ChronoUnit.MINUTES));

    private static final List<GatewayInstance> REPLICAS = new ArrayList<>();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static final ApplicationListener<ApplicationPreparedEvent> SHARED_CLOCK =
            event -> event.getApplicationContext().getBeanFactory().registerSingleton("clock", CLOCK);

    @BeforeAll
    static void startThreeReplicas() {
        for (int i = 0; i < 3; i++) {
            REPLICAS.add(GatewayInstance.start(List.of(SHARED_CLOCK)));
        }
    }

    @AfterAll
    static void stopReplicas() {
        REPLICAS.forEach(GatewayInstance::close);
    }

    @Test
    void threeReplicasHoldA600RpmLimitWithinFivePercentEvenWhenTrafficIsUneven() throws Exception {
        Catalog catalog = catalog("rl-600", Map.of("requests_per_minute", 600));
        REPLICAS.forEach(replica -> awaitLimitOn(replica, catalog));
        nextMinute();

        Load even = load(catalog, 900, 24, REPLICAS);
        nextMinute();
        // Two replicas lease a slice each and then see no more traffic; the third gets all the rest.
        Load warmUp = load(catalog, 20, 2, REPLICAS.subList(1, 3));
        Load uneven = load(catalog, 800, 16, REPLICAS.subList(0, 1));

        System.out.printf("rate limit 600/min on 3 replicas: even traffic admitted %d of 900; uneven %d of 820%n",
                even.ok.get(), warmUp.ok.get() + uneven.ok.get());
        assertThat(even.ok.get()).as("admitted in one minute, even traffic").isBetween(570, 600);
        assertThat(even.ok.get() + even.refused.get()).isEqualTo(900);
        assertThat(warmUp.ok.get() + uneven.ok.get()).as("admitted in one minute, uneven traffic")
                .isBetween(570, 600);
        assertThat(even.other).isEmpty();
        assertThat(uneven.other).isEmpty();
    }

    @Test
    void aRefusalIsOpenAisRateLimitErrorWithRetryAfterAndEveryAnswerCarriesTheHeaders() {
        Catalog catalog = catalog("rl-shape", Map.of("requests_per_minute", 2));
        GatewayInstance replica = REPLICAS.get(1);
        awaitLimitOn(replica, catalog);
        nextMinute();

        chat(replica, catalog, false).expectStatus().isOk()
                .expectHeader().valueEquals("x-ratelimit-limit-requests", "2")
                .expectHeader().valueEquals("x-ratelimit-remaining-requests", "1")
                .expectHeader().valueEquals("x-ratelimit-reset-requests", "1m0s");
        chat(replica, catalog, false).expectStatus().isOk()
                .expectHeader().valueEquals("x-ratelimit-remaining-requests", "0");
        CLOCK.advance(Duration.ofMillis(59_500));
        chat(replica, catalog, false).expectStatus().isEqualTo(429)
                .expectHeader().valueEquals("Retry-After", "1")
                .expectHeader().valueEquals("retry-after-ms", "500")
                .expectHeader().valueEquals("x-ratelimit-remaining-requests", "0")
                .expectHeader().valueEquals("x-ratelimit-reset-requests", "500ms")
                .expectHeader().contentType(MediaType.APPLICATION_JSON)
                .expectBody()
                .jsonPath("$.error.type").isEqualTo("requests")
                .jsonPath("$.error.code").isEqualTo("rate_limit_exceeded")
                .jsonPath("$.error.param").doesNotExist()
                .jsonPath("$.error.message").value(message -> assertThat((String) message)
                        .contains("requests per minute", "key '" + catalog.keyName + "'", "limit 2"));
        String metrics = replica.http.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(metrics).containsPattern(
                "switchboard_rate_limit_refused_total\\{[^}]*dimension=\"requests\",limit=\"key\"} [1-9]")
                .containsPattern("switchboard_rate_limit_leases_total\\{[^}]*} [1-9]")
                .contains("switchboard_rate_limit_lease_failures_total");

        CLOCK.advance(Duration.ofMillis(500));
        chat(replica, catalog, false).expectStatus().isOk();
    }

    @Test
    void streamsCarryTheHeadersBeforeTheirFirstByteAndAreRefusedWithAStatus() {
        Catalog catalog = catalog("rl-stream", Map.of("requests_per_minute", 1, "tokens_per_minute", 10_000));
        GatewayInstance replica = REPLICAS.get(2);
        awaitLimitOn(replica, catalog);
        nextMinute();

        String body = chat(replica, catalog, true).expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_EVENT_STREAM)
                .expectHeader().valueEquals("x-ratelimit-limit-requests", "1")
                .expectHeader().valueEquals("x-ratelimit-remaining-requests", "0")
                .expectHeader().valueEquals("x-ratelimit-limit-tokens", "10000")
                .expectHeader().exists("x-ratelimit-remaining-tokens")
                .expectHeader().exists("x-ratelimit-reset-tokens")
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(body).contains("streamed").contains("[DONE]");

        chat(replica, catalog, true).expectStatus().isEqualTo(429)
                .expectHeader().contentType(MediaType.APPLICATION_JSON)
                .expectHeader().exists("Retry-After")
                .expectBody().jsonPath("$.error.code").isEqualTo("rate_limit_exceeded");
    }

    @Test
    void tokenEstimatesAreCorrectedToTheRealUsageAndATooLargeRequestIsRefused() {
        // Each answer reports 15 tokens; each request may use ~70 (its prompt plus max_tokens 60) of 100.
        Catalog catalog = catalog("rl-tokens", Map.of("tokens_per_minute", 100));
        GatewayInstance replica = REPLICAS.get(0);
        awaitLimitOn(replica, catalog);
        nextMinute();

        chat(replica, catalog, false, 60).expectStatus().isOk()
                .expectHeader().valueEquals("x-ratelimit-limit-tokens", "100")
                .expectHeader().doesNotExist("x-ratelimit-limit-requests");
        chat(replica, catalog, false, 60).expectStatus().isOk();
        chat(replica, catalog, false, 60).expectStatus().isOk();
        chat(replica, catalog, false, 200).expectStatus().isEqualTo(429).expectBody()
                .jsonPath("$.error.type").isEqualTo("tokens")
                .jsonPath("$.error.message").value(message -> assertThat((String) message)
                        .startsWith("Request too large"));
        chat(replica, catalog, false, 60).expectStatus().isEqualTo(429).expectBody()
                .jsonPath("$.error.message").value(message -> assertThat((String) message)
                        .contains("tokens per minute", "requested"));
    }

    @Test
    void aTeamLimitIsSharedByItsKeysAndAModelLimitByEveryKeyThatCallsIt() throws SQLException {
        String prefix = GatewayIT.unique("rl-team");
        stubAnswer(prefix);
        GatewayInstance admin = REPLICAS.get(0);
        String firstKey = admin.fixtures.chatModel(prefix + "-m", prefix + "-p", GatewayIT.upstreamBase(prefix), "m");
        String secondKey = admin.fixtures.key(prefix + "-k2", prefix + "-m");
        UUID team = UUID.randomUUID();
        try (Connection db = database()) {
            update(db, "INSERT INTO teams (id, name, created_at, updated_at) VALUES (?, ?, now(), now())", team,
                    prefix + "-team");
            update(db, "UPDATE api_keys SET team_id = ? WHERE name IN (?, ?)", team, prefix + "-m-key",
                    prefix + "-k2");
        }
        admin.fixtures.post("/admin/v1/rate-limits", Map.of("target_type", "team", "target", prefix + "-team",
                "requests_per_minute", 3));
        Catalog first = new Catalog(prefix + "-m", firstKey, prefix + "-m-key");
        Catalog second = new Catalog(prefix + "-m", secondKey, prefix + "-k2");
        nextMinute();

        chat(admin, first, false).expectStatus().isOk();
        chat(admin, second, false).expectStatus().isOk();
        chat(admin, first, false).expectStatus().isOk();
        chat(admin, second, false).expectStatus().isEqualTo(429).expectBody().jsonPath("$.error.message")
                .value(message -> assertThat((String) message).contains("team '" + prefix + "-team'"));

        admin.fixtures.post("/admin/v1/rate-limits", Map.of("target_type", "model", "target", prefix + "-m",
                "requests_per_minute", 1));
        String thirdKey = admin.fixtures.key(prefix + "-k3", prefix + "-m");
        Catalog third = new Catalog(prefix + "-m", thirdKey, prefix + "-k3");
        nextMinute();
        chat(admin, third, false).expectStatus().isOk().expectHeader()
                .valueEquals("x-ratelimit-limit-requests", "1");
        chat(admin, first, false).expectStatus().isEqualTo(429).expectBody().jsonPath("$.error.message")
                .value(message -> assertThat((String) message).contains("model '" + prefix + "-m'"));
    }

    @Test
    void aRouteSkipsAModelOverItsLimitAndIsRefusedOnlyWhenNoModelIsLeft() {
        String prefix = GatewayIT.unique("rl-route");
        GatewayInstance admin = REPLICAS.get(0);
        for (String model : List.of("a", "b")) {
            stubAnswer(prefix + "-" + model);
            admin.fixtures.chatModel(prefix + "-" + model, prefix + "-" + model + "-p",
                    GatewayIT.upstreamBase(prefix + "-" + model), "m");
        }
        admin.fixtures.post("/admin/v1/routes", Map.of("name", prefix + "-both", "policy", "fallback",
                "config", Map.of("targets", List.of(prefix + "-a", prefix + "-b"))));
        admin.fixtures.post("/admin/v1/routes", Map.of("name", prefix + "-only-a", "policy", "fallback",
                "config", Map.of("targets", List.of(prefix + "-a"))));
        admin.fixtures.post("/admin/v1/rate-limits", Map.of("target_type", "model", "target", prefix + "-a",
                "requests_per_minute", 1));
        String key = admin.fixtures.key(prefix + "-k", prefix + "-both", prefix + "-only-a");
        Catalog both = new Catalog(prefix + "-both", key, prefix + "-k");
        Catalog onlyA = new Catalog(prefix + "-only-a", key, prefix + "-k");
        nextMinute();

        chat(admin, both, false).expectStatus().isOk().expectHeader().valueEquals("x-switchboard-model", prefix + "-a");
        chat(admin, both, false).expectStatus().isOk().expectHeader().valueEquals("x-switchboard-model", prefix + "-b");
        chat(admin, onlyA, false).expectStatus().isEqualTo(429).expectHeader().exists("Retry-After")
                .expectBody().jsonPath("$.error.code").isEqualTo("rate_limit_exceeded")
                .jsonPath("$.error.message").value(message -> assertThat((String) message)
                        .contains("requests per minute on model '" + prefix + "-a'"));

        GatewayIT.UPSTREAM.verify(1, postRequestedFor(urlEqualTo("/" + prefix + "-a/v1/chat/completions")));
        nextMinute();
        chat(admin, onlyA, false).expectStatus().isOk();
    }

    @Test
    void aLimitChangedOnOneReplicaIsEnforcedByTheOthers() {
        Catalog catalog = catalog("rl-change", Map.of("requests_per_minute", 1000));
        GatewayInstance other = REPLICAS.get(2);
        awaitLimitOn(other, catalog);
        String id = limitId(catalog);

        REPLICAS.get(0).fixtures.patch("/admin/v1/rate-limits/" + id, Map.of("requests_per_minute", 7))
                .expectStatus().isOk();

        await().atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(50)).untilAsserted(() ->
                chat(other, catalog, false).expectHeader().valueEquals("x-ratelimit-limit-requests", "7"));
        REPLICAS.get(0).fixtures.delete("/admin/v1/rate-limits/" + id).expectStatus().isNoContent();
        await().atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(50)).untilAsserted(() ->
                chat(other, catalog, false).expectStatus().isOk()
                        .expectHeader().doesNotExist("x-ratelimit-limit-requests"));
    }

    @Test
    void aStoppingReplicaGivesBackWhatItLeasedAndDidNotSpend() throws SQLException {
        // Slices of 10: the first request leases 10, three requests spend 3.
        Catalog catalog = catalog("rl-stop", Map.of("requests_per_minute", 1000));
        String counter = limitId(catalog) + ":requests";
        GatewayInstance stopping = GatewayInstance.start(List.of(SHARED_CLOCK));
        long leased;
        try {
            awaitLimitOn(stopping, catalog);
            nextMinute();
            for (int i = 0; i < 3; i++) {
                chat(stopping, catalog, false).expectStatus().isOk();
            }
            leased = granted(counter);
        } finally {
            stopping.close();
        }

        assertThat(leased).isGreaterThanOrEqualTo(10);
        assertThat(granted(counter)).as("granted after the replica stopped").isEqualTo(3);
    }

    // ------------------------------------------------------------------------------------------------- helpers

    /** What the replicas were granted of {@code counter} in the current window. */
    private static long granted(String counter) throws SQLException {
        try (Connection db = database(); PreparedStatement query = db.prepareStatement(
                "SELECT granted FROM rate_limit_windows WHERE counter = ? AND window_start = ?")) {
            query.setString(1, counter);
            query.setLong(2, CLOCK.millis() - Math.floorMod(CLOCK.millis(), 60_000L));
            try (java.sql.ResultSet row = query.executeQuery()) {
                return row.next() ? row.getLong(1) : 0;
            }
        }
    }


    private record Catalog(String model, String key, String keyName) {
    }

    private record Load(AtomicInteger ok, AtomicInteger refused, ConcurrentLinkedQueue<String> other) {
    }

    /** A model answering on its own upstream path, a key for it and a limit on that key (made on replica 0). */
    private static Catalog catalog(String name, Map<String, Object> limits) {
        String prefix = GatewayIT.unique(name);
        stubAnswer(prefix);
        GatewayInstance admin = REPLICAS.get(0);
        String key = admin.fixtures.chatModel(prefix + "-m", prefix + "-p", GatewayIT.upstreamBase(prefix), "m");
        Map<String, Object> body = new java.util.LinkedHashMap<>(limits);
        body.put("target_type", "key");
        body.put("target", prefix + "-m-key");
        admin.fixtures.post("/admin/v1/rate-limits", body);
        return new Catalog(prefix + "-m", key, prefix + "-m-key");
    }

    private static void stubAnswer(String prefix) {
        GatewayIT.UPSTREAM.stubFor(post(urlEqualTo("/" + prefix + "/v1/chat/completions"))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("\"stream\":true"))
                .atPriority(1)
                .willReturn(aResponse().withHeader("Content-Type", "text/event-stream").withBody(UpstreamBodies.sse(
                        List.of(UpstreamBodies.roleChunk("m"), UpstreamBodies.textChunk("m", "streamed", "stop"),
                                UpstreamBodies.usageChunk("m")), true))));
        GatewayIT.UPSTREAM.stubFor(post(urlEqualTo("/" + prefix + "/v1/chat/completions")).atPriority(2)
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody(UpstreamBodies.chatCompletion("m", "answered"))));
    }

    /** Waits until {@code replica} has the limit in its snapshot (NOTIFY), spending from the current window. */
    private static void awaitLimitOn(GatewayInstance replica, Catalog catalog) {
        String header = catalog.keyName.startsWith("rl-tokens") ? "x-ratelimit-limit-tokens"
                : "x-ratelimit-limit-requests";
        await().atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(50))
                .untilAsserted(() -> chat(replica, catalog, false).expectHeader().exists(header));
    }

    /** Moves every replica's clock to the start of the next minute: a fresh window. */
    private static void nextMinute() {
        Instant now = CLOCK.instant();
        CLOCK.advance(Duration.between(now, now.truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1))));
    }

    private static String limitId(Catalog catalog) {
        JsonNode list = JSON.readTree(REPLICAS.get(0).http.get().uri("/admin/v1/rate-limits")
                .header("Authorization", "Bearer " + GatewayIT.ADMIN_KEY).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody());
        for (JsonNode limit : list.path("data")) {
            if (limit.path("target").asString().equals(catalog.keyName)) {
                return limit.path("id").asString();
            }
        }
        throw new AssertionError("no limit on " + catalog.keyName);
    }

    private static WebTestClient.ResponseSpec chat(GatewayInstance replica, Catalog catalog, boolean stream) {
        return chat(replica, catalog, stream, 0);
    }

    private static WebTestClient.ResponseSpec chat(GatewayInstance replica, Catalog catalog, boolean stream,
            int maxTokens) {
        return replica.http.post().uri("/v1/chat/completions").header("Authorization", "Bearer " + catalog.key)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body(catalog, stream, maxTokens)).exchange();
    }

    private static String body(Catalog catalog, boolean stream, int maxTokens) {
        return "{\"model\":\"" + catalog.model + "\",\"stream\":" + stream
                + (maxTokens > 0 ? ",\"max_tokens\":" + maxTokens : "")
                + ",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}";
    }

    /** {@code requests} chat requests over {@code clients} concurrent connections, spread over {@code replicas}. */
    private static Load load(Catalog catalog, int requests, int clients, List<GatewayInstance> replicas)
            throws InterruptedException {
        Load load = new Load(new AtomicInteger(), new AtomicInteger(), new ConcurrentLinkedQueue<>());
        AtomicInteger next = new AtomicInteger();
        String body = body(catalog, false, 0);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        for (int c = 0; c < clients; c++) {
            pool.execute(() -> {
                for (int i = next.getAndIncrement(); i < requests; i = next.getAndIncrement()) {
                    GatewayInstance replica = replicas.get(i % replicas.size());
                    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + replica.port
                                    + "/v1/chat/completions"))
                            .header("Authorization", "Bearer " + catalog.key)
                            .header("Content-Type", "application/json")
                            .timeout(Duration.ofSeconds(30))
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                    try {
                        HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
                        if (response.statusCode() == 200
                                && response.headers().firstValue("x-ratelimit-limit-requests").isPresent()) {
                            load.ok.incrementAndGet();
                        } else if (response.statusCode() == 429 && response.body().contains("rate_limit_exceeded")) {
                            load.refused.incrementAndGet();
                        } else {
                            load.other.add(response.statusCode() + " " + response.body());
                        }
                    } catch (Exception e) {
                        load.other.add(e.toString());
                    }
                }
            });
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(120, TimeUnit.SECONDS)).as("load finished").isTrue();
        return load;
    }

    private static Connection database() throws SQLException {
        return DriverManager.getConnection(TestDatabase.jdbcUrl(), TestDatabase.username(), TestDatabase.password());
    }

    private static void update(Connection db, String sql, Object... values) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            statement.executeUpdate();
        }
    }
}
