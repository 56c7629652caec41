package ai.switchboard.gateway.admin;

import static org.assertj.core.api.Assertions.assertThat;

import ai.switchboard.gateway.it.GatewayIT;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every admin endpoint against the table of bad input ({@link AdminBadInputs}), the declarative file and the usage
 * query: each request must be answered 400 in problem+json naming the field, never 2xx and never 5xx, and must
 * change nothing. Each case proves that by comparing the registry revision, the audit trail and a digest of every
 * registry row before and after; the class compares the whole export ({@code GET /admin/v1/config}) before its
 * first case and after its last.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminBadInputIT extends GatewayIT {

    private static final JsonMapper JSON = JsonMapper.shared();
    private static final AtomicInteger FRESH = new AtomicInteger();

    /** Every registry row as text, without {@code last_used_at} and schedule firings: both written in the background. */
    private static final String DIGEST = """
            SELECT md5(coalesce(string_agg(line, '|' ORDER BY line), '')) FROM (
                SELECT p::text AS line FROM providers p
                UNION ALL SELECT m::text FROM models m
                UNION ALL SELECT r::text FROM routes r
                UNION ALL SELECT (k.id, k.name, k.prefix, k.hash, k.scopes, k.allowed_models, k.expires_at,
                                  k.revoked, k.revoked_at, k.created_at)::text FROM api_keys k
                UNION ALL SELECT l::text FROM rate_limits l
                UNION ALL SELECT b::text FROM budgets b
                UNION ALL SELECT t::text FROM tools t
                UNION ALL SELECT a::text FROM agents a
                UNION ALL SELECT c::text FROM cache_policies c
                UNION ALL SELECT (s.id, s.name, s.agent, s.cron, s.input, s.run_as, s.enabled, s.created_at,
                                  s.updated_at)::text FROM agent_schedules s
                UNION ALL SELECT q::text FROM prompts q
                UNION ALL SELECT v::text FROM prompt_versions v
                UNION ALL SELECT m::text FROM mcp_servers m
                UNION ALL SELECT d::text FROM eval_datasets d
                UNION ALL SELECT c::text FROM eval_cases c
                UNION ALL SELECT e.id FROM evaluations e) registry""";

    @Autowired
    JdbcTemplate jdbc;

    private Existing existing;
    private String exportBefore;
    private String prompt;
    private String dataset;
    private String evaluationKey;
    private String gateKey;

    /** One entry of each kind for PATCH cases and references, created once for the whole class. */
    private record Existing(String provider, String model, String route, String key, String team,
            String rateLimit, String budget, String tool, String agent, String cachePolicy, String agentKey,
            String schedule, String mcpServer) {
    }

    @BeforeEach
    void existingEntries() {
        if (existing == null) {
            String p = "bad-input-" + System.nanoTime();
            fixtures.provider(Map.of("name", p + "-p", "type", "openai", "base_url", "https://upstream.example/v1",
                    "settings", Map.of("profile", "openai")));
            fixtures.post("/admin/v1/models", Map.of("name", p + "-m", "provider", p + "-p", "upstream_model", "m",
                    "capabilities", List.of("chat"), "context_window", 1000, "max_output_tokens", 100));
            fixtures.post("/admin/v1/routes", Map.of("name", p + "-r", "policy", "fallback",
                    "config", Map.of("targets", List.of(p + "-m"))));
            fixtures.key(p + "-k", p + "-m");
            fixtures.post("/admin/v1/teams", Map.of("name", p + "-t"));
            String rateLimit = fixtures.post("/admin/v1/rate-limits", Map.of("target_type", "key", "target", p + "-k",
                    "requests_per_minute", 600, "tokens_per_minute", 100_000)).path("id").asString();
            fixtures.post("/admin/v1/budgets", Map.of("name", p + "-b", "scope_type", "key", "scope", p + "-k",
                    "period", "monthly", "limit_usd", 10));
            fixtures.post("/admin/v1/tools", Map.of("name", p + "-x", "type", "http", "config", Map.of(
                    "targets", List.of("https://tools.example/"), "secret_headers", Map.of("Authorization", "x"))));
            fixtures.post("/admin/v1/agents", Map.of("name", p + "-a", "model", p + "-m", "tools", List.of(p + "-x")));
            String cachePolicy = fixtures.post("/admin/v1/cache-policies", Map.of("target_type", "key", "target",
                    p + "-k")).path("id").asString();
            String mcpServer = "bad-input-mcp-" + Long.toString(System.nanoTime() & 0xFFFFFF, 36);
            fixtures.post("/admin/v1/mcp-servers", Map.of("name", mcpServer, "transport", "streamable_http",
                    "url", "https://mcp.example.com/mcp", "bearer_token", "t", "enabled", false));
            fixtures.key(p + "-ak", "agent:" + p + "-a");
            fixtures.post("/admin/v1/agent-schedules", Map.of("name", p + "-s", "agent", p + "-a", "cron",
                    "0 0 0 1 1 *", "input", Map.of("messages", List.of(Map.of("role", "user", "content", "x"))),
                    "run_as", p + "-ak"));
            existing = new Existing(p + "-p", p + "-m", p + "-r", p + "-k", p + "-t", rateLimit, p + "-b", p + "-x",
                    p + "-a", cachePolicy, p + "-ak", p + "-s", mcpServer);
            fixtures.post("/admin/v1/prompts", Map.of("name", p + "-q", "template", Map.of("text", "Hello {{who}}")));
            prompt = p + "-q";
            fixtures.post("/admin/v1/datasets", Map.of("name", p + "-d", "grader", Map.of("type", "exact_match"),
                    "template", Map.of("text", "Capital of {{country}}?")));
            dataset = p + "-d";
            http.post().uri("/admin/v1/datasets/" + dataset + "/cases").header("Authorization", "Bearer " + ADMIN_KEY)
                    .bodyValue("{\"variables\":{\"country\":\"France\"},\"expected\":\"Paris\"}")
                    .exchange().expectStatus().isOk();
            evaluationKey = fixtures.post("/admin/v1/keys", Map.of("name", p + "-ek", "scopes", List.of("inference"),
                    "allowed_models", List.of(p + "-m"))).path("id").asString();
            gateKey = fixtures.post("/admin/v1/keys", Map.of("name", p + "-gk", "scopes", List.of("inference"),
                    "allowed_models", List.of(p + "-m", p + "-r"))).path("id").asString();
            exportBefore = export();
        }
    }

    @AfterAll
    void exportIsUnchanged() {
        assertThat(export()).isEqualTo(exportBefore);
    }

    static Stream<AdminBadInputs.Case> endpoints() {
        return AdminBadInputs.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void badEntityInputIsA400NamingTheFieldAndChangesNothing(AdminBadInputs.Case input) {
        String path = resolve(input.path());
        String body = resolve(input.body());
        refuses(input.field(), () -> http.method(input.method()).uri(path)
                .header("Authorization", "Bearer " + ADMIN_KEY).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body).exchange().expectBody(String.class).returnResult());
    }

    static Stream<String[]> declarativeFiles() {
        return Stream.of(
                new String[] {"routes[0].policy", "routes: [{name: $N, config: {targets: [$M]}}]"},
                new String[] {"routes[0].config", "routes: [{name: $N, policy: fallback, config: {targets: [$M], "
                        + "x: 1}}]"},
                new String[] {"models[0].name", "models: [{name: 5, provider: $P, upstream_model: m}]"},
                new String[] {"models[0].context_window",
                        "models: [{name: $N, provider: $P, upstream_model: m, context_window: 1.5}]"},
                new String[] {"models[0].version",
                        "models: [{name: $N, provider: $P, upstream_model: m, version: 1.0}]"},
                new String[] {"models[0].output_price_per_mtok",
                        "models: [{name: $N, provider: $P, upstream_model: m, output_price_per_mtok: 1e30}]"},
                new String[] {"models[0].enabled",
                        "models: [{name: $N, provider: $P, upstream_model: m, enabled: yes}]"},
                new String[] {"providers[0].base_url",
                        "providers: [{name: $N, type: openai, base_url: 'https://upstream.example/v1#x'}]"},
                new String[] {"providers[0].base_url",
                        "providers: [{name: $N, type: openai, base_url: 'https://u.example/"
                                + "a".repeat(2048) + "'}]"},
                new String[] {"providers[0].extra_headers.Host",
                        "providers: [{name: $N, type: openai, base_url: 'https://u.example', "
                                + "extra_headers: {Host: x}}]"},
                new String[] {"providers[0].extra_headers.x-a", "providers: [{name: $N, type: openai, "
                        + "base_url: 'https://u.example', extra_headers: {x-a: \"a\\r\\nb: c\"}}]"},
                new String[] {"providers[0].settings.profile", "providers: [{name: $N, type: openai, "
                        + "base_url: 'https://u.example', settings: {profile: bogus}}]"},
                new String[] {"providers[0].name", "providers:\n  - name: $N\n    name: $N-b\n    type: openai\n"
                        + "    base_url: https://u.example\n"},
                new String[] {"keys[0].allowed_models", "keys: [{name: $K, allowed_models: ['*', $M]}]"},
                new String[] {"keys[0].scopes", "keys: [{name: $K, scopes: []}]"},
                new String[] {"keys[0].team", "keys: [{name: $K, team: no-such-team}]"},
                new String[] {"teams[0].name", "teams: [{name: 'bad name!'}]"},
                new String[] {"teams[0].description", "teams: [{name: $N, description: ''}]"},
                new String[] {"teams[0].members", "teams: [{name: $N, members: []}]"},
                new String[] {"rate_limits[0].target",
                        "rate_limits: [{target_type: model, target: no-such-model, requests_per_minute: 5}]"},
                new String[] {"cache_policies[0].target",
                        "cache_policies: [{target_type: route, target: no-such-route}]"},
                new String[] {"cache_policies[0].ttl_seconds",
                        "cache_policies: [{target_type: model, target: $M, ttl_seconds: 0}]"},
                new String[] {"cache_policies[0].shared_across_teams",
                        "cache_policies: [{target_type: model, target: $M, shared_across_teams: true}]"},
                new String[] {"cache_policies[0].embedding_model",
                        "cache_policies: [{target_type: model, target: $M, mode: semantic}]"},
                new String[] {"cache_policies[0].similarity_threshold",
                        "cache_policies: [{target_type: model, target: $M, similarity_threshold: 1.5}]"},
                new String[] {"rate_limits[0].target_type",
                        "rate_limits: [{target_type: bogus, target: $M, requests_per_minute: 5}]"},
                new String[] {"rate_limits[0].requests_per_minute",
                        "rate_limits: [{target_type: model, target: $M, requests_per_minute: 0}]"},
                new String[] {"rate_limits[0].requests_per_minute",
                        "rate_limits: [{target_type: model, target: $M, requests_per_minute: 1.5}]"},
                new String[] {"rate_limits[0].tokens_per_minute",
                        "rate_limits: [{target_type: model, target: $M, tokens_per_minute: 99999999999}]"},
                new String[] {"rate_limits[0].requests_per_minute", "rate_limits: [{target_type: model, target: $M}]"},
                new String[] {"rate_limits[0].tokens_per_minute",
                        "rate_limits: [{target_type: key, target: $K, tokens_per_minute: -1}]"},
                new String[] {"rate_limits[0].bogus",
                        "rate_limits: [{target_type: model, target: $M, requests_per_minute: 5, bogus: 1}]"},
                new String[] {"budgets[0].period",
                        "budgets: [{name: $N, scope_type: key, scope: $K, period: yearly, limit_usd: 1}]"},
                new String[] {"budgets[0].limit_usd",
                        "budgets: [{name: $N, scope_type: key, scope: $K, period: daily, limit_usd: -1}]"},
                new String[] {"budgets[0].limit_usd",
                        "budgets: [{name: $N, scope_type: key, scope: $K, period: daily, limit_usd: '5'}]"},
                // Not a number at all: the file is refused while it is read, before any section sees it.
                new String[] {"body",
                        "budgets: [{name: $N, scope_type: key, scope: $K, period: daily, limit_usd: .nan}]"},
                new String[] {"budgets[0].scope",
                        "budgets: [{name: $N, scope_type: team, scope: no-such-team, period: daily, limit_usd: 1}]"},
                new String[] {"budgets[0].soft_threshold_percent", "budgets: [{name: $N, scope_type: model, "
                        + "scope: $M, period: total, limit_usd: 1, soft_threshold_percent: 0}]"},
                new String[] {"budgets[0].spent_usd", "budgets: [{name: $B, spent_usd: 0}]"},
                new String[] {"tools[0].config.secret_headers", "tools: [{name: $N, type: http, config: "
                        + "{targets: ['https://tools.example/'], secret_headers: {Authorization: x}}}]"},
                new String[] {"tools[0].secrets_env.password", "tools: [{name: $N, type: http, config: "
                        + "{targets: ['https://tools.example/']}, secrets_env: {password: SOME_VARIABLE}}]"},
                new String[] {"tools[0].secrets_env.secret_headers.Authorization", "tools: [{name: $N, type: http, "
                        + "config: {targets: ['https://tools.example/']}, "
                        + "secrets_env: {secret_headers: {Authorization: NO_SUCH_VARIABLE_7731}}}]"},
                new String[] {"tools[0].password", "tools: [{name: $N, type: sql, password: x}]"},
                new String[] {"tools[0].config.targets", "tools: [{name: $N, type: http, config: {targets: []}}]"},
                new String[] {"tools[0].type", "tools: [{name: $N, type: ftp, config: {}}]"},
                new String[] {"agents[0].model", "agents: [{name: $N, model: no-such-model}]"},
                new String[] {"agents[0].tools[0]", "agents: [{name: $N, model: $M, tools: [no-such-tool]}]"},
                new String[] {"agents[0].max_steps", "agents: [{name: $N, model: $M, max_steps: 0}]"},
                new String[] {"agents[0].response_format", "agents: [{name: $N, model: $M, "
                        + "response_format: {type: strng}}]"},
                new String[] {"agents[0].instructions", "agents: [{name: $N, model: $M, "
                        + "instructions: {prompt: p, label: production}}]"},
                new String[] {"agents[0].bogus", "agents: [{name: $N, model: $M, bogus: 1}]"},
                new String[] {"agent_schedules[0].cron", "agent_schedules: [{name: $N, agent: $A, cron: '* * *', "
                        + "input: {messages: [{role: user, content: x}]}, run_as: $Q}]"},
                new String[] {"agent_schedules[0].run_as", "agent_schedules: [{name: $N, agent: $A, "
                        + "cron: '0 0 * * * *', input: {messages: [{role: user, content: x}]}, run_as: $K}]"},
                new String[] {"keys[0].allowed_models", "keys: [{name: $K, allowed_models: ['agent:no-such-agent']}]"},
                new String[] {"prompts[0]", "prompts: [{name: $N, versions: [{text: 'hi {{#a}}'}]}]"},
                new String[] {"prompts[0].versions", "prompts: [{name: $N}]"},
                new String[] {"prompts[0].versions[0]", "prompts: [{name: $V, versions: [{text: 'changed'}]}]"},
                new String[] {"prompts[0]", "prompts: [{name: $V, versions: [{text: 'Hello {{who}}'}], "
                        + "labels: {production: 7}}]"},
                new String[] {"prompts[0].bogus", "prompts: [{name: $N, versions: [{text: x}], bogus: 1}]"},
                new String[] {"bogus", "bogus: []"},
                new String[] {"models", "models: {name: x}"},
                new String[] {"models[0]", "models: [x]"},
                new String[] {"body", "providers: [unclosed"},
                new String[] {"body", "- just\n- a list\n"});
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource
    void declarativeFiles(String field, String file) {
        String body = resolve(file);
        refuses(field, () -> http.post().uri("/admin/v1/config:apply").header("Authorization", "Bearer " + ADMIN_KEY)
                .contentType(MediaType.parseMediaType("application/yaml")).bodyValue(body).exchange()
                .expectBody(String.class).returnResult());
    }

    static Stream<String[]> usageQueries() {
        return Stream.of(
                new String[] {"from", "from=yesterday"},
                new String[] {"to", "to=+300000-01-01T00:00:00Z"},
                new String[] {"from", "from=-999999999-01-01T00:00:00Z&to=2030-01-01"},
                new String[] {"from", "from=2030-01-02&to=2030-01-01"},
                new String[] {"to", "from=2020-01-01&to=2030-01-01"},
                new String[] {"group_by", "group_by=colour"},
                new String[] {"group_by", "group_by="},
                new String[] {"form", "form=2030-01-01"},
                new String[] {"from", "from=2030-01-01&from=2030-01-02"});
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource
    void usageQueries(String field, String query) {
        refuses(field, () -> http.get().uri("/admin/v1/usage?" + query).header("Authorization", "Bearer " + ADMIN_KEY)
                .exchange().expectBody(String.class).returnResult());
    }

    static Stream<String[]> rollbacks() {
        String entity = "\"entity\":{\"kind\":\"models\",\"id\":\"$M\"}";
        return Stream.of(
                new String[] {"body", "{}"},
                new String[] {"body", "[1]"},
                new String[] {"body", "{\"revision\":"},
                new String[] {"revision", "{\"revision\":-1}"},
                new String[] {"revision", "{\"revision\":\"5\"}"},
                new String[] {"revision", "{\"revision\":1.5}"},
                new String[] {"revision", "{\"revision\":null}"},
                new String[] {"revision", "{\"revision\":999999999999}"},
                new String[] {"revision", "{\"revision\":1," + entity + ",\"version\":1}"},
                new String[] {"version", "{" + entity + "}"},
                new String[] {"version", "{" + entity + ",\"version\":0}"},
                new String[] {"version", "{" + entity + ",\"version\":99999}"},
                new String[] {"version", "{" + entity + ",\"version\":\"1\"}"},
                new String[] {"entity", "{\"version\":1}"},
                new String[] {"entity", "{\"entity\":\"x\",\"version\":1}"},
                new String[] {"entity.id", "{\"entity\":{\"kind\":\"models\"},\"version\":1}"},
                new String[] {"entity.kind", "{\"entity\":{\"id\":\"$M\"},\"version\":1}"},
                new String[] {"entity", "{\"entity\":{\"kind\":\"models\",\"id\":\"$M\",\"x\":1},\"version\":1}"},
                new String[] {"bogus", "{\"revision\":1,\"bogus\":1}"});
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource
    void rollbacks(String field, String body) {
        String resolved = resolve(body);
        refuses(field, () -> http.post().uri("/admin/v1/config:rollback").header("Authorization", "Bearer " + ADMIN_KEY)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(resolved).exchange()
                .expectBody(String.class).returnResult());
    }

    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"abc", "-1", "1.5", "99999999999999", "",
            "99999999999999999999"})
    void exportRevisions(String revision) {
        refuses("revision", () -> http.get().uri("/admin/v1/config?revision=" + revision)
                .header("Authorization", "Bearer " + ADMIN_KEY).accept(MediaType.APPLICATION_JSON).exchange()
                .expectBody(String.class).returnResult());
    }

    static Stream<String[]> feedbackQueries() {
        return Stream.of(
                new String[] {"from", "from=yesterday"},
                new String[] {"to", "to=+300000-01-01T00:00:00Z"},
                new String[] {"from", "from=2030-01-02&to=2030-01-01"},
                new String[] {"model", "model=" + "m".repeat(201)},
                new String[] {"route", "route=a&route=b"},
                new String[] {"label", "label=good"});
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource
    void feedbackQueries(String field, String query) {
        refuses(field, () -> http.get().uri("/admin/v1/feedback?" + query)
                .header("Authorization", "Bearer " + ADMIN_KEY).exchange().expectBody(String.class).returnResult());
    }

    /** Sends the request, checks the answer names {@code field}, and that nothing in the registry changed. */
    private void refuses(String field, java.util.function.Supplier<EntityExchangeResult<String>> request) {
        State before = state();
        EntityExchangeResult<String> result = request.get();
        State after = state();

        assertThat(result.getStatus().value()).as(result.getResponseBody()).isEqualTo(400);
        assertThat(result.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        JsonNode problem = JSON.readTree(result.getResponseBody());
        assertThat(problem.path("errors").valueStream().map(error -> error.path("field").asString()))
                .as(result.getResponseBody()).anyMatch(named -> named.startsWith(field));
        assertThat(after).as("registry revision, audit trail and rows").isEqualTo(before);
    }

    private record State(long revision, long lastAudit, String rows) {
    }

    private State state() {
        Long revision = jdbc.queryForObject("SELECT revision FROM registry_revision", Long.class);
        Long lastAudit = jdbc.queryForObject("SELECT coalesce(max(id), 0) FROM audit_log", Long.class);
        return new State(revision, lastAudit, jdbc.queryForObject(DIGEST, String.class));
    }

    private String export() {
        return http.get().uri("/admin/v1/config").header("Authorization", "Bearer " + ADMIN_KEY)
                .accept(MediaType.APPLICATION_JSON).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
    }

    private String resolve(String text) {
        Existing e = existing;
        return text.replace("$N", "bad-new-" + FRESH.incrementAndGet() + "-" + System.nanoTime())
                .replace("$P", e.provider()).replace("$M", e.model()).replace("$R", e.route()).replace("$K", e.key())
                .replace("$T", e.team()).replace("$L", e.rateLimit()).replace("$B", e.budget())
                .replace("$X", e.tool()).replace("$A", e.agent()).replace("$C", e.cachePolicy())
                .replace("$Q", e.agentKey()).replace("$S", e.schedule())
                .replace("$V", prompt).replace("$U", e.mcpServer()).replace("$D", dataset)
                .replace("$I", evaluationKey).replace("$J", gateKey);
    }
}
