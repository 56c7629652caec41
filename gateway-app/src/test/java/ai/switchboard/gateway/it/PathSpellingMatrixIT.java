package ai.switchboard.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import ai.switchboard.registry.snapshot.RegistrySnapshotManager;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import tools.jackson.databind.JsonNode;

/**
 * Issue 11's admin bypass as a class: every {@code /admin} and {@code /v1} route the application registers, under
 * every spelling of its path ({@link PathSpellings}), with no key and with an inference key, by each of its methods.
 * None may reach a handler it is not authorised for. Proof of non-reach, for every request: a status the handler
 * could not have given (the firewall's 400, the authoriser's 401/403, routing's 404/405, recognised by their
 * bodies, never 2xx or 5xx), and after the walk an unchanged registry and no upstream call. Every answer is in the
 * shape of the API its decoded first segment names.
 */
class PathSpellingMatrixIT extends GatewayIT {

    private static final String FIREWALL_REFUSAL = "The request path is not in canonical form";
    private static final String UNPARSEABLE = "The request could not be parsed";

    @Autowired
    ApplicationContext context;

    @Autowired
    RegistrySnapshotManager snapshots;

    private String prefix;
    private String inferenceKey;
    private Map<String, String> idsByCollection;

    @BeforeEach
    void catalog() {
        prefix = unique("matrix");
        inferenceKey = fixtures.chatModel(prefix + "-m", prefix + "-p", upstreamBase(prefix), "gpt-4o-mini");
        fixtures.post("/admin/v1/routes", Map.of("name", prefix + "-r", "policy", "fallback",
                "config", Map.of("targets", List.of(prefix + "-m"))));
        String rateLimit = fixtures.post("/admin/v1/rate-limits", Map.of("target_type", "key",
                "target", prefix + "-m-key", "requests_per_minute", 100_000)).path("id").asString();
        fixtures.post("/admin/v1/budgets", Map.of("name", prefix + "-b", "scope_type", "route", "scope", prefix + "-r",
                "period", "daily", "limit_usd", 1));
        // Real ids: a GET that reached its handler would answer 200 and a DELETE would change the registry.
        idsByCollection = Map.of("providers", prefix + "-p", "models", prefix + "-m", "routes", prefix + "-r",
                "keys", prefix + "-m-key", "rate-limits", rateLimit, "budgets", prefix + "-b");
    }

    @Test
    void unauthenticatedKeyListingThroughAnEncodedLetterIsRefused() {
        // curl -s 'http://127.0.0.1:8080/%61dmin/v1/keys' answered 200 with every key.
        RawHttp.Response response = RawHttp.send(port, "GET", "/%61dmin/v1/keys");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).isEqualTo("application/problem+json");
        assertThat(response.json().path("detail").asString()).startsWith(FIREWALL_REFUSAL).contains("%61");
        assertThat(response.body()).doesNotContain(prefix);
    }

    @Test
    void registryExportThroughASemicolonParameterIsRefused() {
        // curl -s --path-as-is 'http://127.0.0.1:8080/admin;x/v1/config' answered 200 with the whole registry.
        RawHttp.Response response = RawHttp.send(port, "GET", "/admin;x/v1/config");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).isEqualTo("application/problem+json");
        assertThat(response.json().path("detail").asString()).startsWith(FIREWALL_REFUSAL);
        assertThat(response.body()).doesNotContain(prefix);
    }

    @Test
    void ambiguousV1PathsAreOpenAiShaped400sNot500s() {
        for (String target : List.of("/v1;x/models", "/%761/chat/completions")) {
            RawHttp.Response response = RawHttp.send(port, "POST", target);

            assertThat(response.status()).as(target).isEqualTo(400);
            assertThat(response.contentType()).isEqualTo("application/json");
            assertThat(response.json().path("error").path("code").asString()).isEqualTo("invalid_path");
            assertThat(response.header("x-request-id")).isNotBlank();
        }
    }

    @Test
    void noSpellingOfAnyRouteReachesAHandlerItIsNotAuthorisedFor() {
        long registryVersion = snapshots.current().version();
        int upstreamCalls = upstreamCalls();
        List<String> failures = new ArrayList<>();
        int sent = 0;
        List<RegisteredRoute> routes = RegisteredRoute.all(context).stream()
                .filter(route -> route.pattern().startsWith("/admin/") || route.pattern().startsWith("/v1/"))
                .toList();
        for (RegisteredRoute route : routes) {
            Set<HttpMethod> methods = route.methods().isEmpty() ? Set.of(HttpMethod.GET, HttpMethod.POST)
                    : route.methods();
            for (String target : PathSpellings.of(concretePath(route.pattern()))) {
                for (HttpMethod method : methods) {
                    for (boolean withKey : new boolean[] {false, true}) {
                        String[] headers = withKey ? new String[] {"Authorization: Bearer " + inferenceKey}
                                : new String[0];
                        RawHttp.Response response = RawHttp.send(port, method.name(), target, headers);
                        sent++;
                        String failure = judge(route.pattern(), target, withKey, response);
                        if (failure != null) {
                            failures.add(method + " " + target + (withKey ? " (inference key)" : " (no key)") + ": "
                                    + failure + " -> " + response.status() + " " + RawHttp.abbreviate(response.body()));
                        }
                    }
                }
            }
        }

        assertThat(routes).extracting(RegisteredRoute::pattern)
                .contains("/admin/v1/keys", "/admin/v1/config", "/admin/v1/usage", "/v1/chat/completions",
                        "/admin/v1/rate-limits/{id}", "/admin/v1/budgets", "/admin/v1/budgets/{id}");
        assertThat(sent).isGreaterThan(1000);
        assertThat(failures).isEmpty();
        assertThat(snapshots.current().version()).as("registry version").isEqualTo(registryVersion);
        assertThat(upstreamCalls()).as("upstream calls").isEqualTo(upstreamCalls);
        http.get().uri("/admin/v1/keys/{id}", prefix + "-m-key").header("Authorization", "Bearer " + ADMIN_KEY)
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.revoked").isEqualTo(false);
        http.get().uri("/admin/v1/rate-limits/{id}", idsByCollection.get("rate-limits"))
                .header("Authorization", "Bearer " + ADMIN_KEY).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.requests_per_minute").isEqualTo(100_000);
    }

    /** Why a response proves nothing (or a reach), or {@code null} when it is a refusal in the right shape. */
    private static String judge(String pattern, String target, boolean inferenceKey, RawHttp.Response response) {
        int status = response.status();
        if (status < 400 || status >= 500) {
            return "status outside 400/401/403/404/405";
        }
        if (response.header("x-request-id") == null) {
            return "no x-request-id";
        }
        boolean openAi = isV1(target);
        if (!(openAi ? "application/json" : "application/problem+json").equals(response.contentType())) {
            return "wrong shape " + response.contentType();
        }
        JsonNode body = response.json();
        String message = openAi ? body.path("error").path("message").asString() : body.path("detail").asString();
        String code = body.path("error").path("code").asString(null);
        if (!openAi && body.path("status").asInt() != status) {
            return "problem without its status";
        }
        // An inference key may reach /v1 handlers: there, only the status range and shape are checked.
        boolean authorisedForRoute = inferenceKey && pattern.startsWith("/v1/");
        return switch (status) {
            case 400 -> message.startsWith(FIREWALL_REFUSAL) || message.startsWith(UNPARSEABLE)
                    ? null : "a 400 not from the firewall";
            case 401 -> inferenceKey ? "a valid key refused" : null;
            case 403 -> inferenceKey && !pattern.startsWith("/v1/") ? null : "an unexpected 403";
            case 404 -> message.startsWith("No endpoint at ") || (authorisedForRoute
                    && ("unknown_url".equals(code) || "model_not_found".equals(code))) ? null : "a handler's 404";
            case 405 -> message.startsWith("Request method ") ? null : "a handler's 405";
            default -> "status outside 400/401/403/404/405";
        };
    }

    /** The test's own reading of the shape rule: the first non-empty segment, percent-decoded, is {@code v1}. */
    private static boolean isV1(String target) {
        String path = target.replaceFirst("^[/\\\\]+", "");
        String segment = path.split("[/\\\\;?]", 2)[0];
        try {
            return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8).equals("v1");
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    private String concretePath(String pattern) {
        String collection = pattern.startsWith("/admin/v1/") ? pattern.split("/")[3] : "models";
        return pattern.replace("{*id}", prefix + "-m")
                .replace("{id}", idsByCollection.getOrDefault(collection, prefix + "-x"))
                .replace("/**", "/x");
    }

    private int upstreamCalls() {
        return (int) UPSTREAM.getAllServeEvents().stream().map(ServeEvent::getRequest)
                .filter(request -> request.getUrl().startsWith("/" + prefix + "/"))
                .count();
    }
}
