package ai.switchboard.gateway.admin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.springframework.http.HttpMethod;

/**
 * The table of bad admin input: for every admin endpoint and every field, values of the wrong type, out of range,
 * null, empty and oversize, each put into an otherwise valid body (or alone in a PATCH of an existing entry). Bodies
 * are raw JSON text, so repeated keys and numbers no Java type holds can be written too. {@code $P}, {@code $M},
 * {@code $R}, {@code $K}, {@code $T}, {@code $L} and {@code $B} stand for an existing provider, model, route, key, team,
 * rate limit (on {@code $K}, with both limits), budget, tool ({@code $X}, an http tool with a secret header) and
 * agent ({@code $A}, granted {@code $X}), dataset ({@code $D}, graded by exact match, with a "{{country}}" template
 * and one case), the ids of inference keys allowed {@code $M} only ({@code $I}) and {@code $M} and {@code $R}
 * ({@code $J}); {@code $N} for a fresh name.
 */
final class AdminBadInputs {

    /** One bad request and the field the 400 must name (a prefix: {@code tags} covers {@code tags[0]}). */
    record Case(String label, HttpMethod method, String path, String body, String field) {

        @Override
        public String toString() {
            return label;
        }
    }

    private static final String LONG_NAME = q("n".repeat(129));
    private static final String HUGE_TEXT = q("x".repeat(100_000));
    private static final String UUID_NAME = q("00000000-0000-4000-8000-000000000000");

    /** Bad values every registry name field refuses. */
    private static final List<String> BAD_NAMES = List.of("5", "true", "1.5", "[]", "{}", "null", q(""), q("   "),
            LONG_NAME, q("bad name"), q("line\\nbreak"), UUID_NAME, q(".."));

    private static final List<String> BAD_TIMEOUTS = List.of(q("1000"), "1.5", "1.0", "0", "-1", "3600001",
            "99999999999", "true", "[]", "{}");

    private static final List<String> BAD_BOOLEANS = List.of("1", "0", q("true"), q("yes"), "null", "[]");

    private AdminBadInputs() {
    }

    static List<Case> all() {
        List<Case> cases = new ArrayList<>();
        cases.addAll(providers());
        cases.addAll(models());
        cases.addAll(routes());
        cases.addAll(keys());
        cases.addAll(teams());
        cases.addAll(rotations());
        cases.addAll(rateLimits());
        cases.addAll(budgets());
        cases.addAll(tools());
        cases.addAll(agents());
        cases.addAll(cachePolicies());
        cases.addAll(agentSchedules());
        cases.addAll(prompts());
        cases.addAll(mcpServers());
        cases.addAll(datasets());
        cases.addAll(evaluations());
        cases.addAll(routeEvaluations());
        return cases;
    }

    static List<Case> providers() {
        Map<String, String> valid = body("name", q("$N"), "type", q("openai"), "base_url",
                q("https://upstream.example/v1"), "api_key", q("sk-upstream"), "extra_headers", "{\"x-team\":\"a\"}",
                "settings", "{\"profile\":\"openai\"}", "connect_timeout_ms", "1000", "response_timeout_ms", "2000",
                "enabled", "true");
        Map<String, List<String>> bad = new LinkedHashMap<>();
        bad.put("name", BAD_NAMES);
        bad.put("type", List.of("5", "null", q(""), q("bogus"), q("OpenAI"), HUGE_TEXT, "[\"openai\"]"));
        bad.put("base_url", List.of("5", "null", q(""), q("ftp://upstream.example/v1"), q("/v1"), q("not a url"),
                q("http://"), q("https://upstream.example/v1#fragment"), q("https://upstream.example/v1#"),
                q("http://upstream.example:0/v1"), q("http://upstream.example:99999/v1"),
                q("https://user:pass@upstream.example/v1"), q("https://upstream.example/" + "a".repeat(2048)),
                q("https://under_score/v1"), q("https://upstream.example/v1\\r\\nHost: evil")));
        bad.put("api_key", List.of("5", q(""), q(" "), q("sk\\r\\nX-Injected: 1"), q("k".repeat(8193)),
                q(" sk-leading"), "[]"));
        bad.put("extra_headers", List.of(q("x"), "[]", "5", "null", "{\"Host\":\"evil.example\"}",
                "{\"host\":\"evil.example\"}", "{\"Content-Length\":\"5\"}", "{\"Transfer-Encoding\":\"chunked\"}",
                "{\"Connection\":\"close\"}", "{\"X-A\":\"a\\r\\nInjected: 1\"}", "{\"X-A\":\"a\\u0000b\"}",
                "{\"bad name\":\"v\"}", "{\"\":\"v\"}", "{\"X-A:\":\"v\"}", "{\"x-a\":5}", "{\"x-a\":null}",
                "{\"x-a\":[\"v\"]}", "{\"X-A\":\"1\",\"x-a\":\"2\"}", "{\"x-a\":\" padded \"}",
                "{\"x-a\":" + HUGE_TEXT + "}", manyHeaders(65)));
        bad.put("settings", List.of(q("x"), "[]", "null", "{\"unknown\":\"v\"}", "{\"profile\":\"bogus\"}",
                "{\"profile\":5}", "{\"profile\":null}", "{\"profile\":\"\"}", "{\"profile\":\"groq\\nx\"}",
                "{\"Bad-Key\":\"v\"}", "{\"api_version\":\"2024-10-21\"}", manySettings(33)));
        bad.put("connect_timeout_ms", BAD_TIMEOUTS);
        bad.put("response_timeout_ms", BAD_TIMEOUTS);
        bad.put("enabled", BAD_BOOLEANS);
        List<Case> cases = new ArrayList<>(generate("provider", "/admin/v1/providers", "/admin/v1/providers/$P",
                valid, bad));
        cases.add(raw("provider POST repeated key", HttpMethod.POST, "/admin/v1/providers",
                "{\"name\":\"$N\",\"name\":\"$N-b\",\"type\":\"openai\",\"base_url\":\"https://u.example/v1\"}",
                "name"));
        cases.add(raw("provider POST unknown field", HttpMethod.POST, "/admin/v1/providers",
                json(with(valid, "bogus", "1")), "bogus"));
        cases.add(raw("provider PATCH type whose adapter refuses the settings", HttpMethod.PATCH,
                "/admin/v1/providers/$P", "{\"type\":\"azure-openai\"}", "settings.profile"));
        cases.add(raw("provider PATCH api_key set and cleared", HttpMethod.PATCH, "/admin/v1/providers/$P",
                "{\"api_key\":null,\"api_key\":\"x\"}", "api_key"));
        return cases;
    }

    static List<Case> models() {
        Map<String, String> valid = body("name", q("$N"), "provider", q("$P"), "upstream_model", q("m"),
                "version", q("v1"), "capabilities", "[\"chat\"]", "context_window", "1000", "max_output_tokens", "100",
                "input_price_per_mtok", "0.15", "output_price_per_mtok", "0.6", "tags", "[\"t\"]", "enabled", "true");
        List<String> badPrices = List.of(q("0.1"), "-1", "-0.000001", "1e30", "1000000.000001", "0.0000001",
                "1e-999999999", "true", "[]", "{}");
        Map<String, List<String>> bad = new LinkedHashMap<>();
        bad.put("name", with(BAD_NAMES, q("$R")));
        bad.put("provider", List.of("5", "null", q(""), q("no-such-provider"), "[]"));
        bad.put("upstream_model", List.of("5", "null", q(""), q(" "), q("u".repeat(257)), q("a\\nb"), "{}"));
        bad.put("version", List.of("5", "1.0", q(""), q("v".repeat(129)), q("a\\tb")));
        bad.put("capabilities", List.of(q("chat"), "[\"telepathy\"]", "[null]", "[5]", "null", "{}",
                "[" + IntStream.range(0, 33).mapToObj(i -> q("chat")).collect(Collectors.joining(",")) + "]"));
        bad.put("context_window", List.of("1.5", "1.0", q("5"), "0", "-1", "99999999999", "true", "[]"));
        bad.put("max_output_tokens", List.of("1.5", q("5"), "0", "-1", "2000", "99999999999", "false"));
        bad.put("input_price_per_mtok", badPrices);
        bad.put("output_price_per_mtok", badPrices);
        bad.put("tags", List.of(q("t"), "[\"\"]", "[\" \"]", "[null]", "[5]", "[" + q("t".repeat(65)) + "]",
                "[\"a\\nb\"]", "null", "{}",
                "[" + IntStream.range(0, 65).mapToObj(i -> q("t" + i)).collect(Collectors.joining(",")) + "]"));
        bad.put("enabled", BAD_BOOLEANS);
        List<Case> cases = new ArrayList<>(generate("model", "/admin/v1/models", "/admin/v1/models/$M", valid, bad));
        cases.add(raw("model PATCH non-removable field", HttpMethod.PATCH, "/admin/v1/models/$M",
                "{\"upstream_model\":null}", "upstream_model"));
        cases.add(raw("model PATCH window below its output", HttpMethod.PATCH, "/admin/v1/models/$M",
                "{\"context_window\":50}", "max_output_tokens"));
        return cases;
    }

    static List<Case> routes() {
        Map<String, String> valid = body("name", q("$N"), "description", q("d"), "policy", q("fallback"),
                "config", "{\"targets\":[\"$M\"]}", "fallbacks", "[\"$M\"]", "request_timeout_ms", "10000",
                "attempt_timeout_ms", "5000", "first_token_timeout_ms", "2000", "enabled", "true");
        Map<String, List<String>> bad = new LinkedHashMap<>();
        bad.put("name", with(BAD_NAMES, q("$M")));
        bad.put("description", List.of("5", q(""), q("d".repeat(513)), q("a\\nb"), "[]"));
        bad.put("policy", List.of("null", "5", q(""), q("bogus"), q("FALLBACK"), HUGE_TEXT));
        bad.put("config", List.of("null", q("x"), "[]", "5", "{\"targets\":\"x\"}", "{\"targets\":[]}",
                "{\"targets\":[\"no-such-model\"]}", "{\"targets\":[5]}", "{\"targets\":[\"$M\"],\"bogus\":1}",
                "{\"targets\":[\"$M\"],\"padding\":" + HUGE_TEXT + "}", "{\"targets\":[\"$N\"]}"));
        bad.put("fallbacks", List.of(q("x"), "[null]", "[\"\"]", "[5]", "[\"no-such-model\"]", "null", "{}",
                "[" + IntStream.range(0, 33).mapToObj(i -> q("$M")).collect(Collectors.joining(",")) + "]"));
        bad.put("request_timeout_ms", BAD_TIMEOUTS);
        bad.put("attempt_timeout_ms", BAD_TIMEOUTS);
        bad.put("first_token_timeout_ms", BAD_TIMEOUTS);
        bad.put("enabled", BAD_BOOLEANS);
        List<Case> cases = new ArrayList<>(generate("route", "/admin/v1/routes", "/admin/v1/routes/$R", valid, bad));
        Map<String, String> noPolicy = new LinkedHashMap<>(valid);
        noPolicy.remove("policy");
        cases.add(raw("route POST without policy", HttpMethod.POST, "/admin/v1/routes", json(noPolicy), "policy"));
        cases.add(raw("route PATCH new policy without config", HttpMethod.PATCH, "/admin/v1/routes/$R",
                "{\"policy\":\"weighted\"}", "config"));
        cases.add(raw("route PATCH targeting itself", HttpMethod.PATCH, "/admin/v1/routes/$R",
                "{\"fallbacks\":[\"$R\"]}", "fallbacks[0]"));
        cases.add(raw("route POST integer setting beyond int", HttpMethod.POST, "/admin/v1/routes",
                json(with(with(valid, "policy", q("cheapest-capable")), "config",
                        "{\"targets\":[\"$M\"],\"expected_output_tokens\":99999999999}")),
                "config.expected_output_tokens"));
        cases.add(raw("route POST number beyond double", HttpMethod.POST, "/admin/v1/routes",
                json(with(with(valid, "policy", q("ensemble")), "config",
                        "{\"members\":[\"$M\"],\"hedge_delay_ms\":1e999}")), "config.hedge_delay_ms"));
        String pipeline = "{\"steps\":[{\"name\":\"a\",\"target\":\"$M\",%s}]}";
        for (String[] step : new String[][] {
            {"\"template\":{\"text\":\"{{#open}}\"}", "config.steps[0].template.text"},
            {"\"prompt\":{\"prompt\":\"no-such-prompt\"}", "config.prompt"},
            {"\"prompt\":{\"prompt\":\"$V\",\"label\":\"canary\"}", "config.label"},
            {"\"prompt\":{\"prompt\":\"$V\",\"version\":0}", "config.steps[0].prompt.version"},
            {"\"prompt\":\"$V\"", "config.steps[0].prompt"},
            {"\"model\":\"x\"", "config.steps[0].model"}}) {
            cases.add(raw("route POST pipeline step " + step[0], HttpMethod.POST, "/admin/v1/routes",
                    json(with(with(valid, "policy", q("pipeline")), "config", pipeline.formatted(step[0]))), step[1]));
        }
        return cases;
    }

    static List<Case> keys() {
        Map<String, String> valid = body("name", q("$N"), "scopes", "[\"inference\"]", "allowed_models", "[\"$M\"]",
                "expires_at", q("2090-01-01T00:00:00Z"));
        Map<String, List<String>> bad = new LinkedHashMap<>();
        bad.put("name", BAD_NAMES);
        bad.put("scopes", List.of(q("inference"), "[]", "[\"root\"]", "[null]", "[5]", "null", "{}"));
        bad.put("allowed_models", List.of("null", q("$M"), "[\"no-such-model\"]", "[\"*\",\"$M\"]", "[null]", "[5]",
                "{}", "[\"tool:no-such-tool\"]", "[\"mcp:no-such-server\"]", "[\"tool:$S__*\"]",
                "[\"tool:$S__a.b\"]", "[\"tool:no-such-server__echo\"]"));
        bad.put("expires_at", List.of("1700000000", "1.5", q("2000-01-01T00:00:00Z"), q("tomorrow"), q(""),
                q("2090-01-01"), q("+300000-01-01T00:00:00Z"), q("+10000-01-01T00:00:00Z"), "true", "[]"));
        List<Case> cases = new ArrayList<>(generate("key", "/admin/v1/keys", "/admin/v1/keys/$K", valid, bad));
        Map<String, String> noModels = new LinkedHashMap<>(valid);
        noModels.remove("allowed_models");
        cases.add(raw("key POST inference key without allowed_models", HttpMethod.POST, "/admin/v1/keys",
                json(noModels), "allowed_models"));
        for (String team : List.of("5", "[]", "{}", "true", q("no-such-team"), q(""), q("   "), LONG_NAME)) {
            cases.add(raw("key POST team=" + team, HttpMethod.POST, "/admin/v1/keys",
                    json(with(valid, "team", team)), "team"));
            cases.add(raw("key PATCH team=" + team, HttpMethod.PATCH, "/admin/v1/keys/$K",
                    "{\"team\":" + team + "}", "team"));
        }
        return cases;
    }

    static List<Case> teams() {
        Map<String, String> valid = body("name", q("$N"), "description", q("A team"));
        Map<String, List<String>> bad = new LinkedHashMap<>();
        bad.put("name", BAD_NAMES);
        bad.put("description", List.of("5", "[]", "{}", "true", q(""), q("   "), q("a\\nb"), q("x".repeat(513)),
                HUGE_TEXT));
        List<Case> cases = new ArrayList<>(generate("team", "/admin/v1/teams", "/admin/v1/teams/$T", valid, bad));
        cases.add(raw("team POST unknown field", HttpMethod.POST, "/admin/v1/teams",
                "{\"name\":\"$N\",\"budget\":5}", "budget"));
        cases.add(raw("team POST repeated key", HttpMethod.POST, "/admin/v1/teams",
                "{\"name\":\"$N\",\"name\":\"$N\"}", "name"));
        return cases;
    }

    static List<Case> rotations() {
        List<Case> cases = new ArrayList<>();
        for (String grace : List.of("-1", "2592001", q("60"), "1.5", "true", "[]", "{}", "1e3",
                "99999999999999999999")) {
            cases.add(raw("key rotate grace_period_seconds=" + grace, HttpMethod.POST, "/admin/v1/keys/$K:rotate",
                    "{\"grace_period_seconds\":" + grace + "}", "grace_period_seconds"));
        }
        cases.add(raw("key rotate unknown field", HttpMethod.POST, "/admin/v1/keys/$K:rotate", "{\"grace\":60}",
                "grace"));
        return cases;
    }

    static List<Case> rateLimits() {
        Map<String, String> valid = body("target_type", q("model"), "target", q("$M"), "requests_per_minute", "600",
                "tokens_per_minute", "100000");
        List<String> badLimits = List.of("0", "-1", "1.5", "1.0", "1e3", q("5"), "99999999999", "true", "[]", "{}");
        Map<String, List<String>> bad = new LinkedHashMap<>();
        bad.put("target_type", List.of("5", "null", q(""), q("bogus"), q("KEY"), q("route"), "[]", HUGE_TEXT));
        bad.put("target", List.of("5", "null", q(""), q("no-such-model"), q("$R"), UUID_NAME, "[]", "{}",
                HUGE_TEXT));
        bad.put("requests_per_minute", badLimits);
        bad.put("tokens_per_minute", badLimits);
        List<Case> cases = new ArrayList<>(generate("rate limit", "/admin/v1/rate-limits", "/admin/v1/rate-limits/$L",
                valid, bad));
        cases.add(raw("rate limit POST without any limit", HttpMethod.POST, "/admin/v1/rate-limits",
                "{\"target_type\":\"model\",\"target\":\"$M\"}", "requests_per_minute"));
        cases.add(raw("rate limit POST limits both null", HttpMethod.POST, "/admin/v1/rate-limits",
                "{\"target_type\":\"model\",\"target\":\"$M\",\"requests_per_minute\":null,"
                        + "\"tokens_per_minute\":null}", "requests_per_minute"));
        cases.add(raw("rate limit POST a route as a key", HttpMethod.POST, "/admin/v1/rate-limits",
                json(with(with(valid, "target_type", q("key")), "target", q("$R"))), "target"));
        cases.add(raw("rate limit POST unknown team", HttpMethod.POST, "/admin/v1/rate-limits",
                json(with(with(valid, "target_type", q("team")), "target", q("no-such-team"))), "target"));
        cases.add(raw("rate limit POST unknown field", HttpMethod.POST, "/admin/v1/rate-limits",
                json(with(valid, "bogus", "1")), "bogus"));
        cases.add(raw("rate limit POST repeated key", HttpMethod.POST, "/admin/v1/rate-limits",
                "{\"target_type\":\"model\",\"target\":\"$M\",\"requests_per_minute\":5,"
                        + "\"requests_per_minute\":6}", "requests_per_minute"));
        cases.add(raw("rate limit PATCH clearing both limits", HttpMethod.PATCH, "/admin/v1/rate-limits/$L",
                "{\"requests_per_minute\":null,\"tokens_per_minute\":null}", "requests_per_minute"));
        cases.add(raw("rate limit PATCH new target", HttpMethod.PATCH, "/admin/v1/rate-limits/$L",
                "{\"target\":\"$M\"}", "target"));
        return cases;
    }

    static List<Case> cachePolicies() {
        Map<String, String> valid = body("target_type", q("model"), "target", q("$M"), "enabled", "true",
                "ttl_seconds", "60", "max_entry_bytes", "1000", "deterministic_only", "true");
        Map<String, List<String>> bad = new LinkedHashMap<>();
        bad.put("target_type", List.of("5", "null", q(""), q("bogus"), q("MODEL"), q("team"), "[]", HUGE_TEXT));
        bad.put("target", List.of("5", "null", q(""), q("no-such-model"), q("$R"), UUID_NAME, "[]", "{}",
                HUGE_TEXT));
        bad.put("enabled", BAD_BOOLEANS);
        bad.put("ttl_seconds", List.of("0", "-1", "1.5", "1e3", q("60"), "2592001", "99999999999", "true", "[]"));
        bad.put("max_entry_bytes", List.of("0", "-1", "1.5", q("1000"), "16777217", "true", "{}"));
        bad.put("shared_across_teams", BAD_BOOLEANS);
        bad.put("deterministic_only", BAD_BOOLEANS);
        List<Case> cases = new ArrayList<>(generate("cache policy", "/admin/v1/cache-policies",
                "/admin/v1/cache-policies/$C", valid, bad));
        cases.add(raw("cache policy POST a model's cache shared across teams", HttpMethod.POST,
                "/admin/v1/cache-policies", json(with(valid, "shared_across_teams", "true")), "shared_across_teams"));
        cases.add(raw("cache policy PATCH a key's cache shared across teams", HttpMethod.PATCH,
                "/admin/v1/cache-policies/$C", "{\"shared_across_teams\":true}", "shared_across_teams"));
        cases.add(raw("cache policy POST a route as a model", HttpMethod.POST, "/admin/v1/cache-policies",
                json(with(valid, "target", q("$R"))), "target"));
        cases.add(raw("cache policy POST unknown field", HttpMethod.POST, "/admin/v1/cache-policies",
                json(with(valid, "bogus", "1")), "bogus"));
        cases.add(raw("cache policy POST repeated key", HttpMethod.POST, "/admin/v1/cache-policies",
                "{\"target_type\":\"model\",\"target\":\"$M\",\"ttl_seconds\":5,\"ttl_seconds\":6}",
                "ttl_seconds"));
        // The semantic cache's settings: a mode, an embeddings model from the registry, a threshold, context turns.
        Map<String, String> semantic = with(valid, "mode", q("semantic"));
        for (String mode : List.of(q("bogus"), q("SEMANTIC"), q(""), "5", "[]", HUGE_TEXT)) {
            cases.add(raw("cache policy POST mode " + mode.length(), HttpMethod.POST, "/admin/v1/cache-policies",
                    json(with(valid, "mode", mode)), "mode"));
        }
        cases.add(raw("cache policy POST semantic without an embeddings model", HttpMethod.POST,
                "/admin/v1/cache-policies", json(semantic), "embedding_model"));
        for (String model : List.of(q("no-such-model"), q("$M"), "5", "{}", HUGE_TEXT)) {
            cases.add(raw("cache policy POST embedding_model " + model.length(), HttpMethod.POST,
                    "/admin/v1/cache-policies", json(with(semantic, "embedding_model", model)), "embedding_model"));
        }
        for (String threshold : List.of("0", "-0.5", "1.01", "1e3", q("0.9"), "true", "[]")) {
            cases.add(raw("cache policy POST similarity_threshold " + threshold, HttpMethod.POST,
                    "/admin/v1/cache-policies", json(with(valid, "similarity_threshold", threshold)),
                    "similarity_threshold"));
        }
        for (String turns : List.of("-1", "21", "1.5", q("2"), "true")) {
            cases.add(raw("cache policy POST context_turns " + turns, HttpMethod.POST, "/admin/v1/cache-policies",
                    json(with(valid, "context_turns", turns)), "context_turns"));
        }
        cases.add(raw("cache policy PATCH a key's cache to semantic", HttpMethod.PATCH, "/admin/v1/cache-policies/$C",
                "{\"mode\":\"semantic\"}", "mode"));
        cases.add(raw("cache policy PATCH similarity_threshold above 1", HttpMethod.PATCH,
                "/admin/v1/cache-policies/$C", "{\"similarity_threshold\":2}", "similarity_threshold"));
        return cases;
    }

    static List<Case> budgets() {
        Map<String, String> valid = body("name", q("$N"), "scope_type", q("key"), "scope", q("$K"), "period",
                q("daily"), "limit_usd", "5", "soft_threshold_percent", "80", "enabled", "true");
        Map<String, List<String>> bad = new LinkedHashMap<>();
        bad.put("name", BAD_NAMES);
        bad.put("scope_type", List.of("5", "null", q(""), q("bogus"), q("KEY"), q("user"), "[]", "{}"));
        bad.put("scope", List.of("5", "null", q(""), q("no-such-key"), q("00000000-0000-4000-8000-000000000000"),
                q("x".repeat(129)), "[]", "true"));
        bad.put("period", List.of("5", "null", q(""), q("yearly"), q("Daily"), q("hourly"), "[]"));
        bad.put("limit_usd", List.of(q("5"), "0", "0.0", "-1", "-0.000000001", "1e30", "1000000000.000000001",
                "0.0000000001", "1e999", "-1e999", q("NaN"), q("Infinity"), "true", "[]", "{}", "null"));
        bad.put("soft_threshold_percent", List.of("0", "101", "-5", "50.5", "1e10", "99999999999", q("50"), "true",
                "[]"));
        bad.put("enabled", BAD_BOOLEANS);
        List<Case> cases = new ArrayList<>(generate("budget", "/admin/v1/budgets", "/admin/v1/budgets/$B", valid,
                bad));
        for (String scopeType : List.of("team", "model", "route", "key")) {
            cases.add(raw("budget POST unknown " + scopeType, HttpMethod.POST, "/admin/v1/budgets",
                    json(with(with(valid, "scope_type", q(scopeType)), "scope", q("no-such-" + scopeType))),
                    "scope"));
        }
        cases.add(raw("budget POST model scope naming a route", HttpMethod.POST, "/admin/v1/budgets",
                json(with(with(valid, "scope_type", q("model")), "scope", q("$R"))), "scope"));
        Map<String, String> noLimit = new LinkedHashMap<>(valid);
        noLimit.remove("limit_usd");
        cases.add(raw("budget POST without limit_usd", HttpMethod.POST, "/admin/v1/budgets", json(noLimit),
                "limit_usd"));
        Map<String, String> noScope = new LinkedHashMap<>(valid);
        noScope.remove("scope");
        cases.add(raw("budget POST without scope", HttpMethod.POST, "/admin/v1/budgets", json(noScope), "scope"));
        cases.add(raw("budget PATCH new scope_type without scope", HttpMethod.PATCH, "/admin/v1/budgets/$B",
                "{\"scope_type\":\"team\"}", "scope"));
        cases.add(raw("budget POST unknown field", HttpMethod.POST, "/admin/v1/budgets",
                json(with(valid, "spent_usd", "0")), "spent_usd"));
        cases.add(raw("budget POST repeated limit", HttpMethod.POST, "/admin/v1/budgets",
                json(valid).replace("\"limit_usd\":5", "\"limit_usd\":5,\"limit_usd\":6"), "limit_usd"));
        return cases;
    }

    static List<Case> tools() {
        String target = "\"targets\":[\"https://tools.example/\"]";
        Map<String, String> valid = body("name", q("$N"), "type", q("http"), "description", q("Looks up.\\nBy id."),
                "config", "{" + target + ",\"secret_headers\":{\"Authorization\":\"x\"}}");
        Map<String, List<String>> bad = new LinkedHashMap<>();
        bad.put("name", with(with(with(BAD_NAMES, q("n".repeat(65))), q("a.b")), q("a:b")));
        bad.put("type", List.of("5", "null", q(""), q("bogus"), q("HTTP"), "[]", HUGE_TEXT));
        bad.put("description", List.of("5", q(""), q("   "), q("d".repeat(1025)), q("a\\u0000b"), "[]", "{}"));
        bad.put("config", List.of("null", q("x"), "[]", "5", "{}", "{\"targets\":[]}",
                "{\"targets\":[\"ftp://tools.example/\"]}", "{" + target + ",\"bogus\":1}",
                "{" + target + ",\"timeout_ms\":0}", "{" + target + ",\"timeout_ms\":\"5\"}",
                "{" + target + ",\"methods\":[\"DELETE\"]}", "{" + target + ",\"max_response_bytes\":1e999}",
                "{" + target + ",\"secret_headers\":{\"Host\":\"x\"}}",
                "{" + target + ",\"secret_headers\":{\"X-A\":\"a\\r\\nb: c\"}}",
                "{" + target + ",\"secret_headers\":{\"X-A\":\"\"}}",
                "{" + target + ",\"secret_headers\":{\"X-A\":5}}",
                "{" + target + ",\"headers\":{\"x-a\":\"v\"},\"padding\":" + HUGE_TEXT + "}"));
        List<Case> cases = new ArrayList<>(generate("tool", "/admin/v1/tools", "/admin/v1/tools/$X", valid, bad));
        Map<String, String> noConfig = new LinkedHashMap<>(valid);
        noConfig.remove("config");
        cases.add(raw("tool POST without config", HttpMethod.POST, "/admin/v1/tools", json(noConfig), "config"));
        cases.add(raw("tool POST unknown field", HttpMethod.POST, "/admin/v1/tools",
                json(with(valid, "secrets", "{}")), "secrets"));
        cases.add(raw("tool POST sql with a password in its URL", HttpMethod.POST, "/admin/v1/tools",
                json(with(with(valid, "type", q("sql")), "config", "{\"jdbc_url\":"
                        + "\"jdbc:postgresql://db.example/r?password=x\",\"username\":\"r\","
                        + "\"allowed_schemas\":[\"public\"]}")), "config.jdbc_url"));
        cases.add(raw("tool PATCH new type without config", HttpMethod.PATCH, "/admin/v1/tools/$X",
                "{\"type\":\"sql\"}", "config"));
        for (Map.Entry<String, String> agentTool : List.of(Map.entry("{}", "config.agent"),
                Map.entry("{\"agent\":\"two words\"}", "config.agent"),
                Map.entry("{\"agent\":5}", "config"),
                Map.entry("{\"agent\":\"w\",\"max_depth\":0}", "config.max_depth"),
                Map.entry("{\"agent\":\"w\",\"max_depth\":6}", "config.max_depth"),
                Map.entry("{\"agent\":\"w\",\"max_depth\":\"2\"}", "config"),
                Map.entry("{\"agent\":\"w\",\"input\":\"x\"}", "config"))) {
            cases.add(raw("tool POST agent " + agentTool.getKey(), HttpMethod.POST, "/admin/v1/tools",
                    json(with(with(valid, "type", q("agent")), "config", agentTool.getKey())),
                    agentTool.getValue()));
        }
        return cases;
    }

    static List<Case> agents() {
        Map<String, String> valid = body("name", q("$N"), "description", q("d"), "model", q("$M"),
                "instructions", q("Be brief.\\nCite."), "tools", "[\"$X\"]", "max_steps", "5", "max_cost_usd", "1",
                "timeout_seconds", "60", "parallel_tool_calls", "false", "response_format", "{\"type\":\"object\"}");
        Map<String, List<String>> bad = new LinkedHashMap<>();
        bad.put("name", with(with(BAD_NAMES, q("a:b")), q("a/b")));
        bad.put("description", List.of("5", q(""), q("a\\nb"), q("d".repeat(513)), "[]"));
        bad.put("model", List.of("5", "null", q(""), q("no-such-model"), q("agent:$A"), q("bad name"), "[]",
                HUGE_TEXT));
        bad.put("instructions", List.of("5", "[]", "true", q(""), q("   "), q("a\\u0000b"),
                "{\"prompt\":\"p\",\"version\":1}", HUGE_TEXT));
        bad.put("tools", List.of(q("$X"), "[null]", "[\"\"]", "[5]", "[\"no-such-tool\"]", "null", "{}",
                "[" + IntStream.range(0, 129).mapToObj(i -> q("$X")).collect(Collectors.joining(",")) + "]"));
        bad.put("max_steps", List.of("0", "101", "-1", "1.5", q("5"), "99999999999", "true", "null"));
        bad.put("max_cost_usd", List.of("0", "-1", "1000001", "0.0000000001", q("1"), "1e999", "true", "[]"));
        bad.put("timeout_seconds", List.of("0", "3601", "-5", "1.5", q("60"), "true", "null"));
        bad.put("parallel_tool_calls", BAD_BOOLEANS);
        bad.put("response_format", List.of(q("x"), "[]", "5", "true", "{\"type\":\"strng\"}",
                "{\"type\":\"object\",\"required\":\"answer\"}", "{\"minimum\":1e999}",
                "{\"$ref\":\"http://169.254.169.254/latest/meta-data\"}",
                "{\"padding\":" + HUGE_TEXT + "}"));
        List<Case> cases = new ArrayList<>(generate("agent", "/admin/v1/agents", "/admin/v1/agents/$A", valid, bad));
        Map<String, String> noModel = new LinkedHashMap<>(valid);
        noModel.remove("model");
        cases.add(raw("agent POST without model", HttpMethod.POST, "/admin/v1/agents", json(noModel), "model"));
        cases.add(raw("agent PATCH clearing model", HttpMethod.PATCH, "/admin/v1/agents/$A", "{\"model\":null}",
                "model"));
        cases.add(raw("agent POST unknown field", HttpMethod.POST, "/admin/v1/agents",
                json(with(valid, "temperature", "0.2")), "temperature"));
        cases.add(raw("agent POST repeated tools", HttpMethod.POST, "/admin/v1/agents",
                json(valid).replace("\"tools\":[\"$X\"]", "\"tools\":[\"$X\"],\"tools\":[]"), "tools"));
        return cases;
    }

    /** {@code $Q} is a live key that names the agent {@code $A}; {@code $S} an existing schedule of it. */
    static List<Case> agentSchedules() {
        Map<String, String> valid = body("name", q("$N"), "agent", q("$A"), "cron", q("0 0 0 1 1 *"),
                "input", "{\"messages\":[{\"role\":\"user\",\"content\":\"Report.\"}]}", "run_as", q("$Q"),
                "enabled", "true");
        Map<String, List<String>> bad = new LinkedHashMap<>();
        bad.put("name", with(with(BAD_NAMES, q("a:b")), q("a/b")));
        bad.put("agent", List.of("5", "null", q(""), q("no-such-agent"), "[]", HUGE_TEXT));
        bad.put("cron", List.of("5", "null", q(""), q("* * * * *"), q("* * * * * *"), q("0 0 25 * * *"),
                q("0 0 0 30 2 *"), q("not a cron"), HUGE_TEXT));
        bad.put("input", List.of("null", q("hi"), "[]", "{}", "{\"messages\":[]}", "{\"messages\":\"hi\"}",
                "{\"messages\":[{\"role\":\"user\",\"content\":\"x\"}],\"model\":\"m\"}",
                "{\"messages\":[{\"role\":\"user\",\"content\":\"x\"}],\"stream\":true}",
                "{\"messages\":[{\"role\":\"user\",\"content\":" + HUGE_TEXT + "}]}"));
        bad.put("run_as", List.of("5", "null", q(""), q("no-such-key"), q("$K"), "[]"));
        bad.put("enabled", BAD_BOOLEANS);
        List<Case> cases = new ArrayList<>(generate("agent schedule", "/admin/v1/agent-schedules",
                "/admin/v1/agent-schedules/$S", valid, bad));
        Map<String, String> noCron = new LinkedHashMap<>(valid);
        noCron.remove("cron");
        cases.add(raw("agent schedule POST without cron", HttpMethod.POST, "/admin/v1/agent-schedules",
                json(noCron), "cron"));
        cases.add(raw("agent schedule POST unknown field", HttpMethod.POST, "/admin/v1/agent-schedules",
                json(with(valid, "timezone", q("UTC"))), "timezone"));
        return cases;
    }

    /** {@code $V} is an existing prompt whose production version is the text "Hello {{who}}". */
    static List<Case> prompts() {
        List<Case> cases = new ArrayList<>();
        Map<String, String> valid = body("name", q("$N"), "description", q("d"), "template",
                "{\"text\":\"Hi {{who}}\"}", "labels", "[\"production\"]");
        Map<String, List<String>> bad = new LinkedHashMap<>();
        bad.put("name", with(with(BAD_NAMES, q("a:b")), q("a/b")));
        bad.put("description", List.of("5", q(""), q("a\\nb"), q("d".repeat(513)), "[]"));
        List<String> templates = List.of("5", "null", q("x"), "[]", "{}", "{\"text\":5}", "{\"text\":\"\"}",
                "{\"text\":\"a\\u0000b\"}", "{\"text\":\"{{#a}}x\"}", "{\"text\":\"line\\nhi {{name\"}",
                "{\"text\":\"{{> part}}\"}", "{\"text\":\"{{/x}}\"}", "{\"text\":\"x\",\"messages\":[]}",
                "{\"messages\":[]}", "{\"messages\":{}}", "{\"messages\":[{\"role\":\"tool\",\"content\":\"x\"}]}",
                "{\"messages\":[{\"role\":\"user\"}]}", "{\"messages\":[5]}",
                "{\"messages\":[{\"role\":\"user\",\"content\":\"{{#a}}{{/b}}\",\"name\":\"x\"}]}",
                "{\"messages\":[{\"role\":\"user\",\"content\":\"{{#a}}{{/b}}\"}]}",
                "{\"bogus\":\"x\"}", "{\"text\":" + HUGE_TEXT + "}");
        bad.put("template", templates);
        bad.put("labels", List.of(q("production"), "[5]", "[\"bad label\"]", "[null]", "[\"\"]", "{}",
                "[" + IntStream.range(0, 33).mapToObj(i -> q("l" + i)).collect(Collectors.joining(",")) + "]"));
        bad.forEach((field, values) -> values.forEach(value -> cases.add(raw("prompt POST " + field + "="
                + (value.length() > 40 ? value.substring(0, 40) + "..." : value), HttpMethod.POST, "/admin/v1/prompts",
                json(with(valid, field, value)), field))));
        Map<String, String> noTemplate = new LinkedHashMap<>(valid);
        noTemplate.remove("template");
        cases.add(raw("prompt POST without template", HttpMethod.POST, "/admin/v1/prompts", json(noTemplate),
                "template"));
        cases.add(raw("prompt POST unknown field", HttpMethod.POST, "/admin/v1/prompts",
                json(with(valid, "version", "3")), "version"));
        for (String template : templates) {
            cases.add(raw("prompt version POST template=" + (template.length() > 40 ? template.substring(0, 40)
                    : template), HttpMethod.POST, "/admin/v1/prompts/$V/versions", "{\"template\":" + template + "}",
                    "template"));
        }
        cases.add(raw("prompt version POST with a name", HttpMethod.POST, "/admin/v1/prompts/$V/versions",
                "{\"name\":\"other\",\"template\":{\"text\":\"x\"}}", "template"));
        cases.add(raw("prompt version POST bad label", HttpMethod.POST, "/admin/v1/prompts/$V/versions",
                "{\"template\":{\"text\":\"x\"},\"labels\":[\"a b\"]}", "labels[0]"));
        cases.add(raw("prompt version POST empty body", HttpMethod.POST, "/admin/v1/prompts/$V/versions", "{}",
                "template"));
        cases.add(raw("prompt PATCH label to a missing version", HttpMethod.PATCH, "/admin/v1/prompts/$V",
                "{\"labels\":{\"production\":99}}", "labels.production"));
        cases.add(raw("prompt PATCH label to version 0", HttpMethod.PATCH, "/admin/v1/prompts/$V",
                "{\"labels\":{\"production\":0}}", "labels.production"));
        cases.add(raw("prompt PATCH bad label name", HttpMethod.PATCH, "/admin/v1/prompts/$V",
                "{\"labels\":{\"bad label\":1}}", "labels.bad label"));
        cases.add(raw("prompt PATCH label to text", HttpMethod.PATCH, "/admin/v1/prompts/$V",
                "{\"labels\":{\"production\":\"1\"}}", "labels"));
        cases.add(raw("prompt PATCH labels as a list", HttpMethod.PATCH, "/admin/v1/prompts/$V",
                "{\"labels\":[\"production\"]}", "labels"));
        cases.add(raw("prompt PATCH a template", HttpMethod.PATCH, "/admin/v1/prompts/$V",
                "{\"template\":{\"text\":\"changed\"}}", "template"));
        cases.add(raw("prompt PATCH blank description", HttpMethod.PATCH, "/admin/v1/prompts/$V",
                "{\"description\":\"\"}", "description"));
        cases.add(raw("prompt PATCH a name", HttpMethod.PATCH, "/admin/v1/prompts/$V", "{\"name\":\"x\"}", "name"));
        cases.add(raw("prompt render with a missing variable", HttpMethod.POST, "/admin/v1/prompts/$V:render",
                "{\"variables\":{\"someone\":\"x\"}}", "variables"));
        cases.add(raw("prompt render variables not an object", HttpMethod.POST, "/admin/v1/prompts/$V:render",
                "{\"variables\":[1]}", "variables"));
        cases.add(raw("prompt render unknown label", HttpMethod.POST, "/admin/v1/prompts/$V:render",
                "{\"label\":\"nope\",\"variables\":{\"who\":\"x\"}}", "label"));
        cases.add(raw("prompt render unknown version", HttpMethod.POST, "/admin/v1/prompts/$V:render",
                "{\"version\":9,\"variables\":{\"who\":\"x\"}}", "version"));
        cases.add(raw("prompt render label and version", HttpMethod.POST, "/admin/v1/prompts/$V:render",
                "{\"label\":\"production\",\"version\":1}", "version"));
        cases.add(raw("prompt render version as text", HttpMethod.POST, "/admin/v1/prompts/$V:render",
                "{\"version\":\"one\"}", "version"));
        cases.add(raw("prompt render a list body", HttpMethod.POST, "/admin/v1/prompts/$V:render", "[1]", "body"));
        return cases;
    }

    /** Each bad value in a valid POST body, and alone in a PATCH of the existing entry. */
    /** {@code $U} is an existing streamable_http server with a bearer token. */
    static List<Case> mcpServers() {
        Map<String, String> valid = body("name", q("$N"), "transport", q("streamable_http"),
                "url", q("https://mcp.example.com/mcp"), "bearer_token", q("t"), "enabled", "false");
        Map<String, List<String>> bad = new LinkedHashMap<>();
        bad.put("name", with(with(with(BAD_NAMES, q("a__b")), q("a_")), q("n".repeat(33))));
        bad.put("transport", List.of("5", "null", q(""), q("bogus"), q("STDIO"), q("streamable-http"), "[]"));
        bad.put("url", List.of("5", "null", q(""), q("ftp://mcp.example.com/"), q("https://u:p@mcp.example.com/"),
                q("https://mcp.example.com/#f"), q("/mcp"), q("http://169.254.169.254/latest"),
                q("http://10.0.0.1/mcp"), "[]", q("https://m.example/" + "a".repeat(2048))));
        bad.put("headers", List.of(q("x"), "[]", "{\"Host\":\"x\"}", "{\"X-A\":\"a\\r\\nb: c\"}",
                "{\"X-A\":\"\"}", "{\"bad name\":\"v\"}", "{\"Authorization\":\"x\"}",
                "{\"Mcp-Session-Id\":\"x\"}", manyHeaders(33)));
        bad.put("bearer_token", List.of(q(""), q(" t "), q("a\\nb"), "[]", "{}", q("x".repeat(8193))));
        bad.put("command", List.of(q("node")));
        bad.put("args", List.of(q("x"), "5", "[\"x\"]"));
        bad.put("env", List.of("[]", "{\"A\":\"b\"}"));
        bad.put("connect_timeout_ms", BAD_TIMEOUTS);
        bad.put("call_timeout_ms", BAD_TIMEOUTS);
        bad.put("enabled", BAD_BOOLEANS);
        List<Case> cases = new ArrayList<>(generate("mcp server", "/admin/v1/mcp-servers", "/admin/v1/mcp-servers/$U",
                valid, bad));
        Map<String, String> stdio = body("name", q("$N"), "transport", q("stdio"), "command", q("node"),
                "args", "[\"server.js\"]", "env", "{\"API_KEY\":\"k\"}");
        Map<String, String> noCommand = new LinkedHashMap<>(stdio);
        noCommand.remove("command");
        String collection = "/admin/v1/mcp-servers";
        cases.add(raw("mcp server POST stdio without command", HttpMethod.POST, collection, json(noCommand),
                "command"));
        cases.add(raw("mcp server POST stdio with url", HttpMethod.POST, collection,
                json(with(stdio, "url", q("https://mcp.example.com/"))), "url"));
        cases.add(raw("mcp server POST stdio with headers", HttpMethod.POST, collection,
                json(with(stdio, "headers", "{\"X-A\":\"v\"}")), "headers"));
        cases.add(raw("mcp server POST stdio with a bearer token", HttpMethod.POST, collection,
                json(with(stdio, "bearer_token", q("t"))), "bearer_token"));
        cases.add(raw("mcp server POST stdio with a null argument", HttpMethod.POST, collection,
                json(with(stdio, "args", "[null]")), "args"));
        cases.add(raw("mcp server POST stdio with a control character in an argument", HttpMethod.POST, collection,
                json(with(stdio, "args", "[\"a\\u0000b\"]")), "args"));
        cases.add(raw("mcp server POST stdio with a bad variable name", HttpMethod.POST, collection,
                json(with(stdio, "env", "{\"1A\":\"x\"}")), "env"));
        cases.add(raw("mcp server POST stdio with a blank command", HttpMethod.POST, collection,
                json(with(stdio, "command", q("  "))), "command"));
        cases.add(raw("mcp server POST without url", HttpMethod.POST, collection,
                "{\"name\":\"$N\",\"transport\":\"streamable_http\"}", "url"));
        cases.add(raw("mcp server POST without transport", HttpMethod.POST, collection,
                "{\"name\":\"$N\",\"url\":\"https://mcp.example.com/\"}", "transport"));
        cases.add(raw("mcp server POST unknown field", HttpMethod.POST, collection,
                json(with(valid, "secrets", "{}")), "secrets"));
        cases.add(raw("mcp server PATCH to stdio without command", HttpMethod.PATCH, "/admin/v1/mcp-servers/$U",
                "{\"transport\":\"stdio\"}", "command"));
        return cases;
    }

    private static List<Case> generate(String entity, String collection, String item, Map<String, String> valid,
            Map<String, List<String>> bad) {
        List<Case> cases = new ArrayList<>();
        bad.forEach((field, values) -> {
            for (String value : values) {
                String shown = value.length() > 40 ? value.substring(0, 40) + "..." : value;
                cases.add(new Case(entity + " POST " + field + "=" + shown, HttpMethod.POST, collection,
                        json(with(valid, field, value)), field));
                cases.add(new Case(entity + " PATCH " + field + "=" + shown, HttpMethod.PATCH, item,
                        "{\"" + field + "\":" + value + "}", field));
            }
        });
        return cases;
    }

    static List<Case> datasets() {
        List<Case> cases = new ArrayList<>();
        Map<String, String> valid = body("name", q("$N"), "description", q("d"), "grader",
                "{\"type\":\"exact_match\"}", "template", "{\"text\":\"Capital of {{country}}?\"}");
        Map<String, List<String>> bad = new LinkedHashMap<>();
        bad.put("name", with(with(BAD_NAMES, q("a:b")), q("a/b")));
        bad.put("description", List.of("5", q(""), q("a\\nb"), q("d".repeat(513)), "[]"));
        bad.put("grader", List.of("5", "null", q("exact_match"), "[]", "{}", "{\"type\":\"fuzzy\"}",
                "{\"type\":\"exact_match\",\"pattern\":\"x\"}", "{\"type\":\"regex\",\"pattern\":\"(\"}",
                "{\"type\":\"regex\",\"pattern\":" + HUGE_TEXT + "}",
                "{\"type\":\"json_schema\",\"schema\":{\"type\":\"strnig\"}}", "{\"type\":\"json_schema\"}",
                "{\"type\":\"numeric_match\",\"tolerance\":-1}", "{\"type\":\"contains\",\"value\":\"\"}",
                "{\"type\":\"llm_judge\",\"model\":\"no-such-model\",\"rubric\":\"r\"}",
                "{\"type\":\"llm_judge\",\"model\":\"$M\",\"rubric\":\"\"}",
                "{\"type\":\"llm_judge\",\"model\":\"$M\",\"rubric\":\"r\",\"pass_score\":0}"));
        bad.put("template", List.of("5", q("x"), "[]", "{}", "{\"text\":\"{{#a}}x\"}", "{\"text\":\"{{> part}}\"}"));
        bad.forEach((field, values) -> values.forEach(value -> cases.add(raw("dataset POST " + field + "="
                + (value.length() > 40 ? value.substring(0, 40) + "..." : value), HttpMethod.POST, "/admin/v1/datasets",
                json(with(valid, field, value)), field))));
        cases.add(raw("dataset POST unknown field", HttpMethod.POST, "/admin/v1/datasets",
                json(with(valid, "cases", "[]")), "cases"));
        String ok = "{\"messages\":[{\"role\":\"user\",\"content\":\"x\"}],\"expected\":\"y\"}";
        String[][] jsonl = {
            {"empty", "", "body"},
            {"blank lines", "\n\n", "body"},
            {"not JSON", ok + "\nnot json", "lines[2]"},
            {"an array line", "[]", "lines[1]"},
            {"no messages or variables", "{\"expected\":\"y\"}", "lines[1]"},
            {"both messages and variables", "{\"messages\":[{\"role\":\"user\",\"content\":\"x\"}],"
                    + "\"variables\":{\"country\":\"x\"},\"expected\":\"y\"}", "lines[1]"},
            {"a missing variable", "{\"variables\":{\"city\":\"x\"},\"expected\":\"y\"}", "lines[1].variables"},
            {"a bad role", "{\"messages\":[{\"role\":\"robot\",\"content\":\"x\"}],\"expected\":\"y\"}",
                "lines[1].messages[0]"},
            {"no expectation for exact match", "{\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}",
                "lines[1].expected"},
            {"an unknown grader", "{\"messages\":[{\"role\":\"user\",\"content\":\"x\"}],\"expected\":\"y\","
                    + "\"grader\":{\"type\":\"fuzzy\"}}", "lines[1].grader.type"},
            {"a bad regex expectation", "{\"messages\":[{\"role\":\"user\",\"content\":\"x\"}],"
                    + "\"expected\":\"(\",\"grader\":{\"type\":\"regex\"}}", "lines[1].expected"},
            {"a bad schema", "{\"messages\":[{\"role\":\"user\",\"content\":\"x\"}],"
                    + "\"grader\":{\"type\":\"json_schema\",\"schema\":{\"type\":5}}}", "lines[1].grader.schema"},
            {"a non-numeric expectation", "{\"messages\":[{\"role\":\"user\",\"content\":\"x\"}],"
                    + "\"expected\":\"seven\",\"grader\":{\"type\":\"numeric_match\"}}", "lines[1].expected"},
            {"an unknown field", "{\"messages\":[{\"role\":\"user\",\"content\":\"x\"}],\"expected\":\"y\","
                    + "\"weight\":2}", "lines[1].weight"},
            {"a long label", ok.replace("{\"messages\"", "{\"label\":" + LONG_NAME
                    + ",\"messages\""), "lines[1].label"},
            {"a good line then a bad one", ok + "\n" + "{\"messages\":[]}", "lines[2].messages"},
        };
        for (String[] c : jsonl) {
            cases.add(raw("dataset cases POST " + c[0], HttpMethod.POST, "/admin/v1/datasets/$D/cases", c[1], c[2]));
        }
        return cases;
    }

    static List<Case> evaluations() {
        List<Case> cases = new ArrayList<>();
        Map<String, String> valid = body("dataset", q("$D"), "targets", "[\"$M\"]", "key_id", q("$I"),
                "concurrency", "2", "cost_cap_usd", "1");
        Map<String, List<String>> bad = new LinkedHashMap<>();
        bad.put("dataset", List.of("5", "null", q(""), q("no-such-dataset"), "[]", UUID_NAME));
        bad.put("targets", List.of("[]", q("$M"), "[5]", "[\"no-such-model\"]", "[\"$M\",\"$M\"]", "[\"$R\"]",
                "null", "[" + IntStream.range(0, 9).mapToObj(i -> q("$M")).collect(Collectors.joining(",")) + "]"));
        bad.put("key_id", List.of(q("not-a-uuid"), UUID_NAME, "5", "null", q("")));
        bad.put("concurrency", List.of("0", "-1", "33", "1.5", q("2"), "null", "99999999999"));
        bad.put("cost_cap_usd", List.of("0", "-1", q("1"), "1e30", "null", "[]"));
        bad.forEach((field, values) -> values.forEach(value -> cases.add(raw("evaluation POST " + field + "="
                + (value.length() > 40 ? value.substring(0, 40) + "..." : value), HttpMethod.POST,
                "/admin/v1/evaluations", json(with(valid, field, value)), field))));
        cases.add(raw("evaluation POST unknown field", HttpMethod.POST, "/admin/v1/evaluations",
                json(with(valid, "budget", "1")), "budget"));
        Map<String, String> noTargets = new LinkedHashMap<>(valid);
        noTargets.remove("targets");
        cases.add(raw("evaluation POST without targets", HttpMethod.POST, "/admin/v1/evaluations", json(noTargets),
                "targets"));
        cases.add(raw("evaluation POST empty body", HttpMethod.POST, "/admin/v1/evaluations", "", "body"));
        return cases;
    }

    /** The promotion gate of {@code $R}, run as {@code $J}, a key that may use {@code $R}. */
    static List<Case> routeEvaluations() {
        List<Case> cases = new ArrayList<>();
        Map<String, String> valid = body("candidate", "{\"fallbacks\":[]}", "dataset", q("$D"), "key_id", q("$J"),
                "concurrency", "1", "cost_cap_usd", "1");
        Map<String, List<String>> bad = new LinkedHashMap<>();
        bad.put("candidate", List.of("5", "null", q("x"), "[]", "{}", "{\"policy\":\"bogus\"}",
                "{\"config\":{\"targets\":[\"no-such-model\"]}}", "{\"config\":{\"targets\":[\"$R\"]}}",
                "{\"name\":\"renamed\"}", "{\"request_timeout_ms\":0}", "{\"policy\":\"router\"}",
                "{\"config\":5}", "{\"tags\":[]}", "{\"fallbacks\":[\"no-such-model\"]}"));
        bad.put("dataset", List.of("5", q("no-such-dataset")));
        bad.put("key_id", List.of(q("$I"), q("not-a-uuid")));
        bad.put("concurrency", List.of("0", "33"));
        bad.put("cost_cap_usd", List.of("0", "-1"));
        bad.forEach((field, values) -> values.forEach(value -> cases.add(raw("route evaluate POST " + field + "="
                + (value.length() > 40 ? value.substring(0, 40) + "..." : value), HttpMethod.POST,
                "/admin/v1/routes/$R:evaluate", json(with(valid, field, value)), field))));
        cases.add(raw("route evaluate POST targets", HttpMethod.POST, "/admin/v1/routes/$R:evaluate",
                json(with(valid, "targets", "[\"$M\"]")), "targets"));
        return cases;
    }

    private static Case raw(String label, HttpMethod method, String path, String body, String field) {
        return new Case(label, method, path, body, field);
    }

    private static Map<String, String> body(String... pairs) {
        Map<String, String> body = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            body.put(pairs[i], pairs[i + 1]);
        }
        return body;
    }

    private static Map<String, String> with(Map<String, String> body, String field, String value) {
        Map<String, String> copy = new LinkedHashMap<>(body);
        copy.put(field, value);
        return copy;
    }

    private static List<String> with(List<String> values, String extra) {
        List<String> copy = new ArrayList<>(values);
        copy.add(extra);
        return copy;
    }

    private static String json(Map<String, String> body) {
        return body.entrySet().stream().map(e -> q(e.getKey()) + ":" + e.getValue())
                .collect(Collectors.joining(",", "{", "}"));
    }

    private static String manyHeaders(int count) {
        return IntStream.range(0, count).mapToObj(i -> q("x-h" + i) + ":\"v\"")
                .collect(Collectors.joining(",", "{", "}"));
    }

    private static String manySettings(int count) {
        return IntStream.range(0, count).mapToObj(i -> q("s" + i) + ":\"v\"")
                .collect(Collectors.joining(",", "{", "}"));
    }

    /** A JSON string literal of text that is already escaped where it needs to be. */
    private static String q(String text) {
        return "\"" + text + "\"";
    }
}
