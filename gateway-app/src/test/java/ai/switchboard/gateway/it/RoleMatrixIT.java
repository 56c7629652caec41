package ai.switchboard.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/**
 * Every admin route × every role, each cell a real request whose status is asserted: no key, an inference key, a
 * viewer, a team administrator (of team A; B is another team) and an administrator. A route added without a row here
 * fails {@link #theTableCoversEveryAdminRoute}. Calls that change something get a fresh target per cell, so a cell
 * never depends on another.
 */
class RoleMatrixIT extends GatewayIT {

    enum Role { NONE, INFERENCE, VIEWER, TEAM_ADMIN, ADMIN }

    private static final int OK = 200;
    private static final int CREATED = 201;
    private static final int ACCEPTED = 202;
    private static final int NO_CONTENT = 204;
    private static final int UNAUTHORIZED = 401;
    private static final int FORBIDDEN = 403;
    private static final int NOT_FOUND = 404;

    @Autowired
    ApplicationContext context;

    /** A request of one cell: path, JSON or YAML body (or none), and the media type it accepts. */
    record Call(String path, String body, MediaType accept) {

        static Call of(String path) {
            return new Call(path, null, MediaType.APPLICATION_JSON);
        }

        static Call of(String path, String body) {
            return new Call(path, body, MediaType.APPLICATION_JSON);
        }
    }

    /** One route: how to call it (afresh for each role) and what each role gets. */
    record Row(HttpMethod method, String pattern, String label, Function<Role, Call> call, Map<Role, Integer> expected) {
    }

    private final class World {
        final String prefix = unique("matrix");
        final String provider = prefix + "-p";
        final String model = prefix + "-m";
        final String teamA = prefix + "-team-a";
        final String teamB = prefix + "-team-b";
        final Map<Role, String> keys = new LinkedHashMap<>();

        World() {
            fixtures.provider(provider, upstreamBase(prefix));
            fixtures.model(model, provider, "m", "chat");
            fixtures.post("/admin/v1/teams", Map.of("name", teamA));
            fixtures.post("/admin/v1/teams", Map.of("name", teamB));
            keys.put(Role.NONE, null);
            keys.put(Role.INFERENCE, fixtures.key(prefix + "-inference"));
            keys.put(Role.VIEWER, fixtures.post("/admin/v1/keys", Map.of("name", prefix + "-viewer",
                    "scopes", List.of("viewer"))).path("key").asString());
            keys.put(Role.TEAM_ADMIN, fixtures.post("/admin/v1/keys", Map.of("name", prefix + "-team-admin",
                    "scopes", List.of("team-admin", "inference"), "allowed_models", List.of("*"), "team", teamA))
                    .path("key").asString());
            keys.put(Role.ADMIN, ADMIN_KEY);
        }

        String freshProvider() {
            return fixtures.provider(unique("mp"), upstreamBase(prefix)).path("id").asString();
        }

        String freshModel() {
            return fixtures.model(unique("mm"), provider, "m", "chat").path("id").asString();
        }

        String freshRoute() {
            return fixtures.post("/admin/v1/routes", Map.of("name", unique("mr"), "policy", "fallback",
                    "config", Map.of("targets", List.of(model)))).path("id").asString();
        }

        String freshTool() {
            return fixtures.post("/admin/v1/tools", Map.of("name", unique("mtool"), "type", "http",
                    "config", Map.of("targets", List.of("https://tools.example/")))).path("id").asString();
        }

        String freshMcpServer() {
            return fixtures.post("/admin/v1/mcp-servers", Map.of("name", "mm-" + Long.toString(System.nanoTime(), 36),
                    "transport", "streamable_http", "url", "https://mcp.example.com/mcp", "enabled", false))
                    .path("id").asString();
        }

        String freshAgent() {
            return fixtures.post("/admin/v1/agents", Map.of("name", unique("magent"), "model", model))
                    .path("id").asString();
        }

        /** A schedule body: a fresh agent, run as a fresh key that names it. */
        String scheduleBody() {
            String agent = unique("msa");
            fixtures.post("/admin/v1/agents", Map.of("name", agent, "model", model));
            String key = unique("msk");
            fixtures.key(key, "agent:" + agent);
            return "{\"name\":\"" + unique("ms") + "\",\"agent\":\"" + agent + "\",\"cron\":\"0 0 0 1 1 *\","
                    + "\"input\":{\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]},\"run_as\":\"" + key + "\"}";
        }

        String freshSchedule() {
            return http.post().uri("/admin/v1/agent-schedules").header("Authorization", "Bearer " + ADMIN_KEY)
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(scheduleBody())
                    .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult()
                    .getResponseBody().path("id").asString();
        }

        String freshPrompt() {
            return fixtures.post("/admin/v1/prompts", Map.of("name", unique("mprompt"), "template",
                    Map.of("text", "Hello {{who}}"))).path("id").asString();
        }

        String freshDataset() {
            return fixtures.post("/admin/v1/datasets", Map.of("name", unique("mds"), "grader",
                    Map.of("type", "exact_match"))).path("id").asString();
        }

        /** A fresh dataset of one case. */
        String oneCaseDataset() {
            String dataset = freshDataset();
            http.post().uri("/admin/v1/datasets/" + dataset + "/cases").header("Authorization", "Bearer " + ADMIN_KEY)
                    .bodyValue("{\"messages\":[{\"role\":\"user\",\"content\":\"x\"}],\"expected\":\"y\"}")
                    .exchange().expectStatus().isOk();
            return dataset;
        }

        /** The id of a fresh inference key that may use {@code name} only. */
        String keyIdFor(String name) {
            return fixtures.post("/admin/v1/keys", Map.of("name", unique("mek"), "scopes", List.of("inference"),
                    "allowed_models", List.of(name))).path("id").asString();
        }

        /** A run of a one-case dataset on the world's model (its upstream is not stubbed: the case fails). */
        String evaluationBody() {
            return "{\"dataset\":\"%s\",\"targets\":[\"%s\"],\"key_id\":\"%s\"}".formatted(oneCaseDataset(),
                    model, keyIdFor(model));
        }

        /** A gate of {@code route} whose candidate changes nothing that matters (no fallbacks). */
        String gateBody(String route) {
            return "{\"candidate\":{\"fallbacks\":[]},\"dataset\":\"%s\",\"key_id\":\"%s\"}".formatted(
                    oneCaseDataset(), keyIdFor(route));
        }

        String freshRouteName() {
            return fixtures.post("/admin/v1/routes", Map.of("name", unique("mgr"), "policy", "fallback",
                    "config", Map.of("targets", List.of(model)))).path("name").asString();
        }

        String freshEvaluation() {
            return http.post().uri("/admin/v1/evaluations").header("Authorization", "Bearer " + ADMIN_KEY)
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(evaluationBody())
                    .exchange().expectStatus().isAccepted().expectBody(JsonNode.class).returnResult()
                    .getResponseBody().path("id").asString();
        }

        String freshTeam() {
            return fixtures.post("/admin/v1/teams", Map.of("name", unique("mt"))).path("id").asString();
        }

        String freshBudget(String team) {
            String name = unique("mb");
            fixtures.post("/admin/v1/budgets", Map.of("name", name, "scope_type", "key", "scope", freshKey(team),
                    "period", "daily", "limit_usd", 5));
            return name;
        }

        String freshRateLimit(String team) {
            return fixtures.post("/admin/v1/rate-limits", Map.of("target_type", "key", "target", freshKey(team),
                    "requests_per_minute", 600)).path("id").asString();
        }

        String freshCachePolicy(String team) {
            return fixtures.post("/admin/v1/cache-policies", Map.of("target_type", "key", "target", freshKey(team)))
                    .path("id").asString();
        }

        String freshKey(String team) {
            return fixtures.post("/admin/v1/keys", Map.of("name", unique("mk"), "scopes", List.of("inference"),
                    "allowed_models", List.of("*"), "team", team)).path("id").asString();
        }
    }

    /** What each role gets, in {@link Role} order. */
    private static Map<Role, Integer> expect(int none, int inference, int viewer, int teamAdmin, int admin) {
        Map<Role, Integer> expected = new LinkedHashMap<>();
        expected.put(Role.NONE, none);
        expected.put(Role.INFERENCE, inference);
        expected.put(Role.VIEWER, viewer);
        expected.put(Role.TEAM_ADMIN, teamAdmin);
        expected.put(Role.ADMIN, admin);
        return expected;
    }

    private static Map<Role, Integer> adminOnly(int success) {
        return expect(UNAUTHORIZED, FORBIDDEN, FORBIDDEN, FORBIDDEN, success);
    }

    private static Map<Role, Integer> adminAndTeamAdmin(int success) {
        return expect(UNAUTHORIZED, FORBIDDEN, FORBIDDEN, success, success);
    }

    private static Map<Role, Integer> adminAndViewer() {
        return expect(UNAUTHORIZED, FORBIDDEN, OK, FORBIDDEN, OK);
    }

    private List<Row> rows(World world) {
        List<Row> rows = new ArrayList<>();
        String ownKeyBody = "{\"name\":\"%s\",\"scopes\":[\"inference\"],\"allowed_models\":[\"*\"]}";
        // Providers, models and routes: administrators change them, viewers read them, nobody else sees them.
        rows.add(new Row(HttpMethod.POST, "/admin/v1/providers", "create provider", role -> Call.of(
                "/admin/v1/providers", "{\"name\":\"" + unique("np") + "\",\"type\":\"openai\",\"base_url\":\""
                        + upstreamBase(world.prefix) + "\"}"), adminOnly(CREATED)));
        rows.add(new Row(HttpMethod.GET, "/admin/v1/providers", "list providers",
                role -> Call.of("/admin/v1/providers"), adminAndViewer()));
        rows.add(new Row(HttpMethod.GET, "/admin/v1/providers/{id}", "get provider",
                role -> Call.of("/admin/v1/providers/" + world.provider), adminAndViewer()));
        rows.add(new Row(HttpMethod.PATCH, "/admin/v1/providers/{id}", "patch provider", role -> Call.of(
                "/admin/v1/providers/" + world.freshProvider(), "{\"enabled\":false}"), adminOnly(OK)));
        rows.add(new Row(HttpMethod.DELETE, "/admin/v1/providers/{id}", "delete provider",
                role -> Call.of("/admin/v1/providers/" + world.freshProvider()), adminOnly(NO_CONTENT)));
        rows.add(new Row(HttpMethod.POST, "/admin/v1/models", "create model", role -> Call.of("/admin/v1/models",
                "{\"name\":\"" + unique("nm") + "\",\"provider\":\"" + world.provider
                        + "\",\"upstream_model\":\"m\",\"capabilities\":[\"chat\"]}"), adminOnly(CREATED)));
        rows.add(new Row(HttpMethod.GET, "/admin/v1/models", "list models",
                role -> Call.of("/admin/v1/models"), adminAndViewer()));
        rows.add(new Row(HttpMethod.GET, "/admin/v1/models/{id}", "get model",
                role -> Call.of("/admin/v1/models/" + world.model), adminAndViewer()));
        rows.add(new Row(HttpMethod.PATCH, "/admin/v1/models/{id}", "patch model", role -> Call.of(
                "/admin/v1/models/" + world.freshModel(), "{\"tags\":[\"x\"]}"), adminOnly(OK)));
        rows.add(new Row(HttpMethod.DELETE, "/admin/v1/models/{id}", "delete model",
                role -> Call.of("/admin/v1/models/" + world.freshModel()), adminOnly(NO_CONTENT)));
        rows.add(new Row(HttpMethod.POST, "/admin/v1/routes", "create route", role -> Call.of("/admin/v1/routes",
                "{\"name\":\"" + unique("nr") + "\",\"policy\":\"fallback\",\"config\":{\"targets\":[\""
                        + world.model + "\"]}}"), adminOnly(CREATED)));
        rows.add(new Row(HttpMethod.GET, "/admin/v1/routes", "list routes",
                role -> Call.of("/admin/v1/routes"), adminAndViewer()));
        rows.add(new Row(HttpMethod.GET, "/admin/v1/routes/{id}", "get route",
                role -> Call.of("/admin/v1/routes/" + world.freshRoute()), adminAndViewer()));
        rows.add(new Row(HttpMethod.PATCH, "/admin/v1/routes/{id}", "patch route", role -> Call.of(
                "/admin/v1/routes/" + world.freshRoute(), "{\"enabled\":false}"), adminOnly(OK)));
        rows.add(new Row(HttpMethod.DELETE, "/admin/v1/routes/{id}", "delete route",
                role -> Call.of("/admin/v1/routes/" + world.freshRoute()), adminOnly(NO_CONTENT)));
        // Tools and agents: administrators change them, viewers read them (never a tool's secrets), nobody else.
        rows.add(new Row(HttpMethod.POST, "/admin/v1/tools", "create tool", role -> Call.of("/admin/v1/tools",
                "{\"name\":\"" + unique("nto") + "\",\"type\":\"http\",\"config\":{\"targets\":"
                        + "[\"https://tools.example/\"],\"secret_headers\":{\"Authorization\":\"x\"}}}"),
                adminOnly(CREATED)));
        rows.add(new Row(HttpMethod.GET, "/admin/v1/tools", "list tools", role -> Call.of("/admin/v1/tools"),
                adminAndViewer()));
        rows.add(new Row(HttpMethod.GET, "/admin/v1/tools/{id}", "get tool",
                role -> Call.of("/admin/v1/tools/" + world.freshTool()), adminAndViewer()));
        rows.add(new Row(HttpMethod.PATCH, "/admin/v1/tools/{id}", "patch tool", role -> Call.of(
                "/admin/v1/tools/" + world.freshTool(), "{\"description\":\"d\"}"), adminOnly(OK)));
        rows.add(new Row(HttpMethod.DELETE, "/admin/v1/tools/{id}", "delete tool",
                role -> Call.of("/admin/v1/tools/" + world.freshTool()), adminOnly(NO_CONTENT)));
        rows.add(new Row(HttpMethod.POST, "/admin/v1/agents", "create agent", role -> Call.of("/admin/v1/agents",
                "{\"name\":\"" + unique("na") + "\",\"model\":\"" + world.model + "\"}"), adminOnly(CREATED)));
        rows.add(new Row(HttpMethod.GET, "/admin/v1/agents", "list agents", role -> Call.of("/admin/v1/agents"),
                adminAndViewer()));
        rows.add(new Row(HttpMethod.GET, "/admin/v1/agents/{id}", "get agent",
                role -> Call.of("/admin/v1/agents/" + world.freshAgent()), adminAndViewer()));
        rows.add(new Row(HttpMethod.PATCH, "/admin/v1/agents/{id}", "patch agent", role -> Call.of(
                "/admin/v1/agents/" + world.freshAgent(), "{\"max_steps\":3}"), adminOnly(OK)));
        rows.add(new Row(HttpMethod.DELETE, "/admin/v1/agents/{id}", "delete agent",
                role -> Call.of("/admin/v1/agents/" + world.freshAgent()), adminOnly(NO_CONTENT)));
        rows.add(new Row(HttpMethod.POST, "/admin/v1/agent-schedules", "create agent schedule",
                role -> Call.of("/admin/v1/agent-schedules", world.scheduleBody()), adminOnly(CREATED)));
        rows.add(new Row(HttpMethod.GET, "/admin/v1/agent-schedules", "list agent schedules",
                role -> Call.of("/admin/v1/agent-schedules"), adminAndViewer()));
        rows.add(new Row(HttpMethod.GET, "/admin/v1/agent-schedules/{id}", "get agent schedule",
                role -> Call.of("/admin/v1/agent-schedules/" + world.freshSchedule()), adminAndViewer()));
        rows.add(new Row(HttpMethod.PATCH, "/admin/v1/agent-schedules/{id}", "patch agent schedule", role -> Call.of(
                "/admin/v1/agent-schedules/" + world.freshSchedule(), "{\"enabled\":false}"), adminOnly(OK)));
        rows.add(new Row(HttpMethod.DELETE, "/admin/v1/agent-schedules/{id}", "delete agent schedule",
                role -> Call.of("/admin/v1/agent-schedules/" + world.freshSchedule()), adminOnly(NO_CONTENT)));
        // Prompts: administrators write them; viewers read and render them (a render changes nothing).
        String promptBody = "{\"name\":\"%s\",\"template\":{\"text\":\"Hi {{who}}\"}}";
        rows.add(new Row(HttpMethod.POST, "/admin/v1/prompts", "create prompt", role -> Call.of("/admin/v1/prompts",
                promptBody.formatted(unique("np"))), adminOnly(CREATED)));
        rows.add(new Row(HttpMethod.GET, "/admin/v1/prompts", "list prompts", role -> Call.of("/admin/v1/prompts"),
                adminAndViewer()));
        rows.add(new Row(HttpMethod.GET, "/admin/v1/prompts/{id}", "get prompt",
                role -> Call.of("/admin/v1/prompts/" + world.freshPrompt()), adminAndViewer()));
        rows.add(new Row(HttpMethod.POST, "/admin/v1/prompts/{id}/versions", "add prompt version", role -> Call.of(
                "/admin/v1/prompts/" + world.freshPrompt() + "/versions", "{\"template\":{\"text\":\"v2\"}}"),
                adminOnly(CREATED)));
        rows.add(new Row(HttpMethod.POST, "/admin/v1/prompts/{id}:render", "render prompt", role -> Call.of(
                "/admin/v1/prompts/" + world.freshPrompt() + ":render", "{\"variables\":{\"who\":\"x\"}}"),
                adminAndViewer()));
        rows.add(new Row(HttpMethod.PATCH, "/admin/v1/prompts/{id}", "patch prompt", role -> Call.of(
                "/admin/v1/prompts/" + world.freshPrompt(), "{\"labels\":{\"staging\":1}}"), adminOnly(OK)));
        rows.add(new Row(HttpMethod.DELETE, "/admin/v1/prompts/{id}", "delete prompt",
                role -> Call.of("/admin/v1/prompts/" + world.freshPrompt()), adminOnly(NO_CONTENT)));
        // Datasets: administrators only, reads too (cases are often real prompts and answers).
        rows.add(new Row(HttpMethod.POST, "/admin/v1/datasets", "create dataset", role -> Call.of("/admin/v1/datasets",
                "{\"name\":\"" + unique("nds") + "\",\"grader\":{\"type\":\"exact_match\"}}"), adminOnly(CREATED)));
        rows.add(new Row(HttpMethod.POST, "/admin/v1/datasets/{id}/cases", "import dataset cases", role -> Call.of(
                "/admin/v1/datasets/" + world.freshDataset() + "/cases",
                "{\"messages\":[{\"role\":\"user\",\"content\":\"x\"}],\"expected\":\"y\"}"), adminOnly(OK)));
        rows.add(new Row(HttpMethod.GET, "/admin/v1/datasets", "list datasets", role -> Call.of("/admin/v1/datasets"),
                adminOnly(OK)));
        rows.add(new Row(HttpMethod.GET, "/admin/v1/datasets/{id}", "get dataset",
                role -> Call.of("/admin/v1/datasets/" + world.freshDataset()), adminOnly(OK)));
        rows.add(new Row(HttpMethod.DELETE, "/admin/v1/datasets/{id}", "delete dataset",
                role -> Call.of("/admin/v1/datasets/" + world.freshDataset()), adminOnly(NO_CONTENT)));
        // Evaluations: administrators only (a run spends money under a key).
        rows.add(new Row(HttpMethod.POST, "/admin/v1/evaluations", "start evaluation",
                role -> Call.of("/admin/v1/evaluations", world.evaluationBody()), adminOnly(ACCEPTED)));
        rows.add(new Row(HttpMethod.GET, "/admin/v1/evaluations", "list evaluations",
                role -> Call.of("/admin/v1/evaluations"), adminOnly(OK)));
        rows.add(new Row(HttpMethod.GET, "/admin/v1/evaluations/{id}", "evaluation report",
                role -> Call.of("/admin/v1/evaluations/" + world.freshEvaluation()), adminOnly(OK)));
        rows.add(new Row(HttpMethod.GET, "/admin/v1/evaluations/{id}/results", "evaluation results",
                role -> Call.of("/admin/v1/evaluations/" + world.freshEvaluation() + "/results"), adminOnly(OK)));
        rows.add(new Row(HttpMethod.POST, "/admin/v1/evaluations/{id}:cancel", "cancel evaluation",
                role -> Call.of("/admin/v1/evaluations/" + world.freshEvaluation() + ":cancel"), adminOnly(OK)));
        rows.add(new Row(HttpMethod.POST, "/admin/v1/routes/{id}:evaluate", "evaluate route change", role -> {
            String route = world.freshRouteName();
            return Call.of("/admin/v1/routes/" + route + ":evaluate", world.gateBody(route));
        }, adminOnly(ACCEPTED)));
        // MCP servers: administrators change them (a stdio server runs a program on the host), viewers read them.
        rows.add(new Row(HttpMethod.POST, "/admin/v1/mcp-servers", "create mcp server", role -> Call.of(
                "/admin/v1/mcp-servers", "{\"name\":\"nm-" + Long.toString(System.nanoTime(), 36) + "\","
                        + "\"transport\":\"streamable_http\",\"url\":\"https://mcp.example.com/mcp\","
                        + "\"bearer_token\":\"x\",\"enabled\":false}"), adminOnly(CREATED)));
        rows.add(new Row(HttpMethod.GET, "/admin/v1/mcp-servers", "list mcp servers",
                role -> Call.of("/admin/v1/mcp-servers"), adminAndViewer()));
        rows.add(new Row(HttpMethod.GET, "/admin/v1/mcp-servers/{id}", "get mcp server",
                role -> Call.of("/admin/v1/mcp-servers/" + world.freshMcpServer()), adminAndViewer()));
        rows.add(new Row(HttpMethod.PATCH, "/admin/v1/mcp-servers/{id}", "patch mcp server", role -> Call.of(
                "/admin/v1/mcp-servers/" + world.freshMcpServer(), "{\"call_timeout_ms\":5000}"), adminOnly(OK)));
        rows.add(new Row(HttpMethod.DELETE, "/admin/v1/mcp-servers/{id}", "delete mcp server",
                role -> Call.of("/admin/v1/mcp-servers/" + world.freshMcpServer()), adminOnly(NO_CONTENT)));
        // Teams: a team administrator reads its own team only; another team is "not found" to it.
        rows.add(new Row(HttpMethod.POST, "/admin/v1/teams", "create team", role -> Call.of("/admin/v1/teams",
                "{\"name\":\"" + unique("nt") + "\"}"), adminOnly(CREATED)));
        rows.add(new Row(HttpMethod.GET, "/admin/v1/teams", "list teams", role -> Call.of("/admin/v1/teams"),
                expect(UNAUTHORIZED, FORBIDDEN, OK, OK, OK)));
        rows.add(new Row(HttpMethod.GET, "/admin/v1/teams/{id}", "get own team",
                role -> Call.of("/admin/v1/teams/" + world.teamA), expect(UNAUTHORIZED, FORBIDDEN, OK, OK, OK)));
        rows.add(new Row(HttpMethod.GET, "/admin/v1/teams/{id}", "get other team",
                role -> Call.of("/admin/v1/teams/" + world.teamB), expect(UNAUTHORIZED, FORBIDDEN, OK, NOT_FOUND, OK)));
        rows.add(new Row(HttpMethod.PATCH, "/admin/v1/teams/{id}", "patch team", role -> Call.of(
                "/admin/v1/teams/" + world.freshTeam(), "{\"description\":\"d\"}"), adminOnly(OK)));
        rows.add(new Row(HttpMethod.DELETE, "/admin/v1/teams/{id}", "delete team",
                role -> Call.of("/admin/v1/teams/" + world.freshTeam()), adminOnly(NO_CONTENT)));
        // Keys: a team administrator manages its own team's keys; a viewer reads every key.
        rows.add(new Row(HttpMethod.POST, "/admin/v1/keys", "create key", role -> Call.of("/admin/v1/keys",
                ownKeyBody.formatted(unique("nk"))), expect(UNAUTHORIZED, FORBIDDEN, FORBIDDEN, CREATED, CREATED)));
        rows.add(new Row(HttpMethod.GET, "/admin/v1/keys", "list keys", role -> Call.of("/admin/v1/keys"),
                expect(UNAUTHORIZED, FORBIDDEN, OK, OK, OK)));
        rows.add(new Row(HttpMethod.GET, "/admin/v1/keys/{id}", "get own team's key",
                role -> Call.of("/admin/v1/keys/" + world.freshKey(world.teamA)),
                expect(UNAUTHORIZED, FORBIDDEN, OK, OK, OK)));
        rows.add(new Row(HttpMethod.GET, "/admin/v1/keys/{id}", "get other team's key",
                role -> Call.of("/admin/v1/keys/" + world.freshKey(world.teamB)),
                expect(UNAUTHORIZED, FORBIDDEN, OK, NOT_FOUND, OK)));
        rows.add(new Row(HttpMethod.PATCH, "/admin/v1/keys/{id}", "patch own team's key",
                role -> Call.of("/admin/v1/keys/" + world.freshKey(world.teamA), "{\"name\":\"" + unique("pk") + "\"}"),
                expect(UNAUTHORIZED, FORBIDDEN, FORBIDDEN, OK, OK)));
        rows.add(new Row(HttpMethod.PATCH, "/admin/v1/keys/{id}", "patch other team's key",
                role -> Call.of("/admin/v1/keys/" + world.freshKey(world.teamB), "{\"name\":\"" + unique("pk") + "\"}"),
                expect(UNAUTHORIZED, FORBIDDEN, FORBIDDEN, NOT_FOUND, OK)));
        rows.add(new Row(HttpMethod.DELETE, "/admin/v1/keys/{id}", "revoke own team's key",
                role -> Call.of("/admin/v1/keys/" + world.freshKey(world.teamA)),
                expect(UNAUTHORIZED, FORBIDDEN, FORBIDDEN, NO_CONTENT, NO_CONTENT)));
        rows.add(new Row(HttpMethod.DELETE, "/admin/v1/keys/{id}", "revoke other team's key",
                role -> Call.of("/admin/v1/keys/" + world.freshKey(world.teamB)),
                expect(UNAUTHORIZED, FORBIDDEN, FORBIDDEN, NOT_FOUND, NO_CONTENT)));
        rows.add(new Row(HttpMethod.POST, "/admin/v1/keys/{id}:rotate", "rotate own team's key",
                role -> Call.of("/admin/v1/keys/" + world.freshKey(world.teamA) + ":rotate", "{}"),
                expect(UNAUTHORIZED, FORBIDDEN, FORBIDDEN, OK, OK)));
        rows.add(new Row(HttpMethod.POST, "/admin/v1/keys/{id}:rotate", "rotate other team's key",
                role -> Call.of("/admin/v1/keys/" + world.freshKey(world.teamB) + ":rotate", "{}"),
                expect(UNAUTHORIZED, FORBIDDEN, FORBIDDEN, NOT_FOUND, OK)));
        // Rate limits and budgets: administrators set them, viewers read them, a team administrator sets its team's
        // keys' (never its team's, which caps it) and sees nothing of another team's.
        rows.add(new Row(HttpMethod.POST, "/admin/v1/rate-limits", "create own team's key limit", role -> Call.of(
                "/admin/v1/rate-limits", "{\"target_type\":\"key\",\"target\":\"" + world.freshKey(world.teamA)
                        + "\",\"requests_per_minute\":600}"), adminAndTeamAdmin(CREATED)));
        rows.add(new Row(HttpMethod.POST, "/admin/v1/rate-limits", "create team limit", role -> Call.of(
                "/admin/v1/rate-limits", "{\"target_type\":\"team\",\"target\":\"" + world.freshTeam()
                        + "\",\"requests_per_minute\":600}"), adminOnly(CREATED)));
        rows.add(new Row(HttpMethod.GET, "/admin/v1/rate-limits", "list rate limits",
                role -> Call.of("/admin/v1/rate-limits"), expect(UNAUTHORIZED, FORBIDDEN, OK, OK, OK)));
        rows.add(new Row(HttpMethod.GET, "/admin/v1/rate-limits/{id}", "get own team's key limit",
                role -> Call.of("/admin/v1/rate-limits/" + world.freshRateLimit(world.teamA)),
                expect(UNAUTHORIZED, FORBIDDEN, OK, OK, OK)));
        rows.add(new Row(HttpMethod.GET, "/admin/v1/rate-limits/{id}", "get other team's key limit",
                role -> Call.of("/admin/v1/rate-limits/" + world.freshRateLimit(world.teamB)),
                expect(UNAUTHORIZED, FORBIDDEN, OK, NOT_FOUND, OK)));
        rows.add(new Row(HttpMethod.PATCH, "/admin/v1/rate-limits/{id}", "patch own team's key limit", role -> Call.of(
                "/admin/v1/rate-limits/" + world.freshRateLimit(world.teamA), "{\"requests_per_minute\":700}"),
                adminAndTeamAdmin(OK)));
        rows.add(new Row(HttpMethod.PATCH, "/admin/v1/rate-limits/{id}", "patch other team's key limit",
                role -> Call.of("/admin/v1/rate-limits/" + world.freshRateLimit(world.teamB),
                        "{\"requests_per_minute\":700}"), expect(UNAUTHORIZED, FORBIDDEN, FORBIDDEN, NOT_FOUND, OK)));
        rows.add(new Row(HttpMethod.DELETE, "/admin/v1/rate-limits/{id}", "delete own team's key limit",
                role -> Call.of("/admin/v1/rate-limits/" + world.freshRateLimit(world.teamA)),
                adminAndTeamAdmin(NO_CONTENT)));
        rows.add(new Row(HttpMethod.DELETE, "/admin/v1/rate-limits/{id}", "delete other team's key limit",
                role -> Call.of("/admin/v1/rate-limits/" + world.freshRateLimit(world.teamB)),
                expect(UNAUTHORIZED, FORBIDDEN, FORBIDDEN, NOT_FOUND, NO_CONTENT)));
        // Cache policies: administrators set them, viewers read them, a team administrator sets its team's keys'
        // (caching lifts no limit) and sees nothing of another team's; model and route policies are the organisation's.
        rows.add(new Row(HttpMethod.POST, "/admin/v1/cache-policies", "create own team's key cache policy",
                role -> Call.of("/admin/v1/cache-policies", "{\"target_type\":\"key\",\"target\":\""
                        + world.freshKey(world.teamA) + "\"}"), adminAndTeamAdmin(CREATED)));
        rows.add(new Row(HttpMethod.POST, "/admin/v1/cache-policies", "create model cache policy", role -> Call.of(
                "/admin/v1/cache-policies", "{\"target_type\":\"model\",\"target\":\"" + world.freshModel()
                        + "\",\"ttl_seconds\":60}"), adminOnly(CREATED)));
        rows.add(new Row(HttpMethod.GET, "/admin/v1/cache-policies", "list cache policies",
                role -> Call.of("/admin/v1/cache-policies"), expect(UNAUTHORIZED, FORBIDDEN, OK, OK, OK)));
        rows.add(new Row(HttpMethod.GET, "/admin/v1/cache-policies/{id}", "get own team's key cache policy",
                role -> Call.of("/admin/v1/cache-policies/" + world.freshCachePolicy(world.teamA)),
                expect(UNAUTHORIZED, FORBIDDEN, OK, OK, OK)));
        rows.add(new Row(HttpMethod.GET, "/admin/v1/cache-policies/{id}", "get other team's key cache policy",
                role -> Call.of("/admin/v1/cache-policies/" + world.freshCachePolicy(world.teamB)),
                expect(UNAUTHORIZED, FORBIDDEN, OK, NOT_FOUND, OK)));
        rows.add(new Row(HttpMethod.PATCH, "/admin/v1/cache-policies/{id}", "patch own team's key cache policy",
                role -> Call.of("/admin/v1/cache-policies/" + world.freshCachePolicy(world.teamA),
                        "{\"ttl_seconds\":120}"), adminAndTeamAdmin(OK)));
        rows.add(new Row(HttpMethod.PATCH, "/admin/v1/cache-policies/{id}", "patch other team's key cache policy",
                role -> Call.of("/admin/v1/cache-policies/" + world.freshCachePolicy(world.teamB),
                        "{\"ttl_seconds\":120}"), expect(UNAUTHORIZED, FORBIDDEN, FORBIDDEN, NOT_FOUND, OK)));
        rows.add(new Row(HttpMethod.DELETE, "/admin/v1/cache-policies/{id}", "delete own team's key cache policy",
                role -> Call.of("/admin/v1/cache-policies/" + world.freshCachePolicy(world.teamA)),
                adminAndTeamAdmin(NO_CONTENT)));
        rows.add(new Row(HttpMethod.DELETE, "/admin/v1/cache-policies/{id}", "delete other team's key cache policy",
                role -> Call.of("/admin/v1/cache-policies/" + world.freshCachePolicy(world.teamB)),
                expect(UNAUTHORIZED, FORBIDDEN, FORBIDDEN, NOT_FOUND, NO_CONTENT)));
        rows.add(new Row(HttpMethod.POST, "/admin/v1/budgets", "create own team's key budget", role -> Call.of(
                "/admin/v1/budgets", "{\"name\":\"" + unique("nb") + "\",\"scope_type\":\"key\",\"scope\":\""
                        + world.freshKey(world.teamA) + "\",\"period\":\"monthly\",\"limit_usd\":5}"),
                adminAndTeamAdmin(CREATED)));
        rows.add(new Row(HttpMethod.POST, "/admin/v1/budgets", "create team budget", role -> Call.of("/admin/v1/budgets",
                "{\"name\":\"" + unique("nb") + "\",\"scope_type\":\"team\",\"scope\":\"" + world.freshTeam()
                        + "\",\"period\":\"monthly\",\"limit_usd\":5}"), adminOnly(CREATED)));
        rows.add(new Row(HttpMethod.GET, "/admin/v1/budgets", "list budgets", role -> Call.of("/admin/v1/budgets"),
                expect(UNAUTHORIZED, FORBIDDEN, OK, OK, OK)));
        rows.add(new Row(HttpMethod.GET, "/admin/v1/budgets/{id}", "get own team's key budget",
                role -> Call.of("/admin/v1/budgets/" + world.freshBudget(world.teamA)),
                expect(UNAUTHORIZED, FORBIDDEN, OK, OK, OK)));
        rows.add(new Row(HttpMethod.GET, "/admin/v1/budgets/{id}", "get other team's key budget",
                role -> Call.of("/admin/v1/budgets/" + world.freshBudget(world.teamB)),
                expect(UNAUTHORIZED, FORBIDDEN, OK, NOT_FOUND, OK)));
        rows.add(new Row(HttpMethod.PATCH, "/admin/v1/budgets/{id}", "patch own team's key budget", role -> Call.of(
                "/admin/v1/budgets/" + world.freshBudget(world.teamA), "{\"limit_usd\":6}"), adminAndTeamAdmin(OK)));
        rows.add(new Row(HttpMethod.PATCH, "/admin/v1/budgets/{id}", "patch other team's key budget", role -> Call.of(
                "/admin/v1/budgets/" + world.freshBudget(world.teamB), "{\"limit_usd\":6}"),
                expect(UNAUTHORIZED, FORBIDDEN, FORBIDDEN, NOT_FOUND, OK)));
        rows.add(new Row(HttpMethod.DELETE, "/admin/v1/budgets/{id}", "delete own team's key budget",
                role -> Call.of("/admin/v1/budgets/" + world.freshBudget(world.teamA)), adminAndTeamAdmin(NO_CONTENT)));
        rows.add(new Row(HttpMethod.DELETE, "/admin/v1/budgets/{id}", "delete other team's key budget",
                role -> Call.of("/admin/v1/budgets/" + world.freshBudget(world.teamB)),
                expect(UNAUTHORIZED, FORBIDDEN, FORBIDDEN, NOT_FOUND, NO_CONTENT)));
        // Usage (a team administrator's is its team's), configuration, audit.
        rows.add(new Row(HttpMethod.GET, "/admin/v1/usage", "usage", role -> Call.of("/admin/v1/usage"),
                expect(UNAUTHORIZED, FORBIDDEN, OK, OK, OK)));
        rows.add(new Row(HttpMethod.GET, "/admin/v1/config", "export YAML",
                role -> new Call("/admin/v1/config", null, MediaType.parseMediaType("application/yaml")),
                adminAndViewer()));
        rows.add(new Row(HttpMethod.GET, "/admin/v1/config", "export JSON", role -> Call.of("/admin/v1/config"),
                adminAndViewer()));
        rows.add(new Row(HttpMethod.POST, "/admin/v1/config:apply", "apply", role -> Call.of(
                "/admin/v1/config:apply", "{\"teams\":[{\"name\":\"" + unique("at") + "\"}]}"), adminOnly(OK)));
        rows.add(new Row(HttpMethod.GET, "/admin/v1/audit", "audit", role -> Call.of("/admin/v1/audit?limit=5"),
                adminAndViewer()));
        rows.add(new Row(HttpMethod.GET, "/admin/v1/feedback", "feedback summary",
                role -> Call.of("/admin/v1/feedback?model=" + world.model), adminAndViewer()));
        // Registry history: read like the export; a rollback (here of one fresh model) is an administrator's.
        rows.add(new Row(HttpMethod.GET, "/admin/v1/{kind}/{id}/history", "entity history",
                role -> Call.of("/admin/v1/models/" + world.freshModel() + "/history"), adminAndViewer()));
        rows.add(new Row(HttpMethod.POST, "/admin/v1/config:rollback", "roll one entity back", role -> Call.of(
                "/admin/v1/config:rollback", "{\"entity\":{\"kind\":\"models\",\"id\":\"" + world.freshModel()
                        + "\"},\"version\":1}"), adminOnly(OK)));
        return rows;
    }

    @Test
    void everyAdminRouteAnswersEachRoleAsTheTableSays() {
        World world = new World();
        List<String> mismatches = new ArrayList<>();
        int cells = 0;
        for (Row row : rows(world)) {
            for (Role role : Role.values()) {
                Call call = row.call().apply(role);
                int status = send(row.method(), call, world.keys.get(role));
                cells++;
                if (status != row.expected().get(role)) {
                    mismatches.add(row.method() + " " + call.path() + " (" + row.label() + ") as " + role + ": "
                            + status + ", expected " + row.expected().get(role));
                }
            }
        }
        assertThat(mismatches).isEmpty();
        assertThat(cells).isEqualTo(rows(world).size() * Role.values().length);
    }

    @Test
    void theTableCoversEveryAdminRoute() {
        Set<String> tabled = new LinkedHashSet<>();
        rows(new World()).forEach(row -> tabled.add(row.method() + " " + row.pattern()));
        Set<String> served = new LinkedHashSet<>();
        for (RegisteredRoute route : RegisteredRoute.all(context)) {
            if (route.pattern().startsWith("/admin")) {
                route.methods().forEach(method -> served.add(method + " " + route.pattern()));
            }
        }

        assertThat(tabled).containsExactlyInAnyOrderElementsOf(served);
    }

    @Test
    void aTeamAdministratorCannotMintOrRaiseAKeyAboveItself() {
        World world = new World();
        String narrow = fixtures.post("/admin/v1/keys", Map.of("name", unique("narrow"),
                "scopes", List.of("team-admin", "inference"), "allowed_models", List.of(world.model),
                "team", world.teamA)).path("key").asString();
        String own = fixtures.post("/admin/v1/keys", Map.of("name", unique("own"), "scopes", List.of("inference"),
                "allowed_models", List.of(world.model), "team", world.teamA)).path("id").asString();

        assertThat(send(HttpMethod.POST, Call.of("/admin/v1/keys", "{\"name\":\"" + unique("x")
                + "\",\"scopes\":[\"admin\"]}"), narrow)).as("a scope it lacks").isEqualTo(FORBIDDEN);
        assertThat(send(HttpMethod.POST, Call.of("/admin/v1/keys", "{\"name\":\"" + unique("x")
                + "\",\"scopes\":[\"viewer\"]}"), narrow)).as("viewer, which it lacks").isEqualTo(FORBIDDEN);
        assertThat(send(HttpMethod.POST, Call.of("/admin/v1/keys", "{\"name\":\"" + unique("x")
                + "\",\"allowed_models\":[\"*\"]}"), narrow)).as("models it may not use").isEqualTo(FORBIDDEN);
        assertThat(send(HttpMethod.POST, Call.of("/admin/v1/keys", "{\"name\":\"" + unique("x")
                + "\",\"allowed_models\":[\"" + world.model + "\"],\"team\":\"" + world.teamB + "\"}"), narrow))
                .as("another team's key").isEqualTo(FORBIDDEN);
        assertThat(send(HttpMethod.PATCH, Call.of("/admin/v1/keys/" + own, "{\"scopes\":[\"admin\"]}"), narrow))
                .as("raise a key").isEqualTo(FORBIDDEN);
        String agent = "agent:" + fixtures.post("/admin/v1/agents", Map.of("name", unique("ma"), "model",
                world.model)).path("name").asString();
        assertThat(send(HttpMethod.POST, Call.of("/admin/v1/keys", "{\"name\":\"" + unique("x")
                + "\",\"allowed_models\":[\"" + agent + "\"]}"), world.keys.get(Role.TEAM_ADMIN)))
                .as("an agent, which \"*\" does not hold").isEqualTo(FORBIDDEN);
        assertThat(send(HttpMethod.PATCH, Call.of("/admin/v1/keys/" + own, "{\"team\":null}"), narrow))
                .as("move a key out of the team").isEqualTo(FORBIDDEN);
        WebTestClient.ResponseSpec created = http.post().uri("/admin/v1/keys")
                .header("Authorization", "Bearer " + narrow).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\":\"" + unique("ok") + "\",\"allowed_models\":[\"" + world.model + "\"]}")
                .exchange();
        JsonNode key = created.expectStatus().isCreated().expectBody(JsonNode.class).returnResult()
                .getResponseBody();
        assertThat(key.path("team").asString()).isEqualTo(world.teamA);
        assertThat(key.path("scopes").toString()).isEqualTo("[\"inference\"]");
    }

    @Test
    void aTeamAdministratorCannotGiveAKeyMoreBudgetOrRateThanItHasNorLiftItsOwn() {
        World world = new World();
        String team = unique("capped");
        String teamId = fixtures.post("/admin/v1/teams", Map.of("name", team)).path("id").asString();
        JsonNode created = fixtures.post("/admin/v1/keys", Map.of("name", unique("capped-admin"),
                "scopes", List.of("team-admin", "inference"), "allowed_models", List.of("*"), "team", team));
        String teamAdmin = created.path("key").asString();
        String ownKey = created.path("id").asString();
        fixtures.post("/admin/v1/budgets", Map.of("name", unique("team-cap"), "scope_type", "team", "scope", team,
                "period", "monthly", "limit_usd", 10));
        String ownBudget = unique("own-cap");
        fixtures.post("/admin/v1/budgets", Map.of("name", ownBudget, "scope_type", "key", "scope", ownKey,
                "period", "daily", "limit_usd", 1));
        fixtures.post("/admin/v1/rate-limits", Map.of("target_type", "team", "target", team,
                "requests_per_minute", 100));
        String ownLimit = fixtures.post("/admin/v1/rate-limits", Map.of("target_type", "key", "target", ownKey,
                "requests_per_minute", 50)).path("id").asString();
        String member = world.freshKey(team);
        String budget = "{\"name\":\"%s\",\"scope_type\":\"%s\",\"scope\":\"%s\",\"period\":\"%s\","
                + "\"limit_usd\":%s}";
        String limit = "{\"target_type\":\"key\",\"target\":\"%s\",\"%s\":%d}";

        assertThat(send(HttpMethod.POST, Call.of("/admin/v1/budgets", budget.formatted(unique("b"), "key", member,
                "monthly", "10.01")), teamAdmin)).as("above the team's monthly budget").isEqualTo(FORBIDDEN);
        assertThat(send(HttpMethod.POST, Call.of("/admin/v1/budgets", budget.formatted(unique("b"), "key", member,
                "daily", "2")), teamAdmin)).as("above its own daily budget").isEqualTo(FORBIDDEN);
        String within = unique("b");
        assertThat(send(HttpMethod.POST, Call.of("/admin/v1/budgets", budget.formatted(within, "key", member,
                "monthly", "10")), teamAdmin)).as("within both").isEqualTo(CREATED);
        assertThat(send(HttpMethod.POST, Call.of("/admin/v1/budgets", budget.formatted(unique("b"), "key", member,
                "weekly", "1000")), teamAdmin)).as("a period it is not capped in").isEqualTo(CREATED);
        assertThat(send(HttpMethod.PATCH, Call.of("/admin/v1/budgets/" + within, "{\"limit_usd\":11}"), teamAdmin))
                .as("raised above the team's").isEqualTo(FORBIDDEN);
        assertThat(send(HttpMethod.POST, Call.of("/admin/v1/budgets", budget.formatted(unique("b"), "key", ownKey,
                "weekly", "1")), teamAdmin)).as("a budget on its own key").isEqualTo(FORBIDDEN);
        assertThat(send(HttpMethod.PATCH, Call.of("/admin/v1/budgets/" + ownBudget, "{\"limit_usd\":0.5}"),
                teamAdmin)).as("its own key's budget, even lowered").isEqualTo(FORBIDDEN);
        assertThat(send(HttpMethod.DELETE, Call.of("/admin/v1/budgets/" + ownBudget), teamAdmin))
                .as("its own key's budget deleted").isEqualTo(FORBIDDEN);
        assertThat(send(HttpMethod.POST, Call.of("/admin/v1/budgets", budget.formatted(unique("b"), "team", team,
                "weekly", "1")), teamAdmin)).as("its team's budget").isEqualTo(FORBIDDEN);
        assertThat(send(HttpMethod.POST, Call.of("/admin/v1/budgets", budget.formatted(unique("b"), "key",
                world.freshKey(world.teamB), "weekly", "1")), teamAdmin)).as("another team's key, not there for it")
                .isEqualTo(400);

        assertThat(send(HttpMethod.POST, Call.of("/admin/v1/rate-limits", limit.formatted(member,
                "requests_per_minute", 51)), teamAdmin)).as("above its own rate").isEqualTo(FORBIDDEN);
        assertThat(send(HttpMethod.POST, Call.of("/admin/v1/rate-limits", limit.formatted(member,
                "requests_per_minute", 50)), teamAdmin)).as("at its own rate").isEqualTo(CREATED);
        assertThat(send(HttpMethod.POST, Call.of("/admin/v1/rate-limits", limit.formatted(world.freshKey(team),
                "tokens_per_minute", 1_000_000)), teamAdmin)).as("a rate it is not limited in").isEqualTo(CREATED);
        assertThat(send(HttpMethod.PATCH, Call.of("/admin/v1/rate-limits/" + ownLimit,
                "{\"requests_per_minute\":1000}"), teamAdmin)).as("its own key's limit").isEqualTo(FORBIDDEN);
        assertThat(send(HttpMethod.DELETE, Call.of("/admin/v1/rate-limits/" + ownLimit), teamAdmin))
                .as("its own key's limit deleted").isEqualTo(FORBIDDEN);

        JsonNode seen = http.get().uri("/admin/v1/budgets").header("Authorization", "Bearer " + teamAdmin).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(seen.path("data").valueStream().map(b -> b.path("scope_id").asString()).distinct())
                .as("its team's budgets and its team's keys', nothing else")
                .containsExactlyInAnyOrder(teamId, ownKey, member);
    }

    private int send(HttpMethod method, Call call, String key) {
        WebTestClient.RequestBodySpec request = http.method(method).uri(call.path()).accept(call.accept());
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        WebTestClient.RequestHeadersSpec<?> ready = call.body() == null ? request
                : request.contentType(MediaType.APPLICATION_JSON).bodyValue(call.body());
        return ready.exchange().returnResult(byte[].class).getStatus().value();
    }
}
