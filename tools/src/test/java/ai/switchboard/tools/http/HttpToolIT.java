package ai.switchboard.tools.http;

import static ai.switchboard.tools.http.HttpToolFixtures.call;
import static ai.switchboard.tools.http.HttpToolFixtures.data;
import static ai.switchboard.tools.http.HttpToolFixtures.get;
import static org.assertj.core.api.Assertions.assertThat;

import ai.switchboard.tools.ToolError;
import ai.switchboard.tools.invoke.ToolInvoker;
import ai.switchboard.tools.invoke.ToolResult;
import ai.switchboard.tools.testsupport.Sinkhole;
import java.net.InetAddress;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * An http tool for one API ({@code crm.test}, allowed by CIDR at 127.0.0.2) with a secret header and a secret query
 * parameter: what it sends, what the model gets back, and what it never does.
 */
class HttpToolIT {

    private static final String TOKEN = "sk-live-0123456789abcdef";
    private static final String QUERY_KEY = "qk-9876543210";

    private static TestUpstream upstream;
    private static TestDns dns;
    private static ToolInvoker crm;
    private static String api;

    @BeforeAll
    static void start() {
        upstream = new TestUpstream();
        dns = new TestDns().answer("crm.test", TestUpstream.HOST).answer("other.test", TestUpstream.HOST);
        crm = HttpToolFixtures.invoker(dns, "crm_lookup", """
                {"targets": ["http://crm.test:%1$d/api/", "http://other.test:%1$d/api/echo"],
                 "methods": ["GET", "POST"],
                 "body_schema": {"type": "object", "properties": {"name": {"type": "string"}},
                                 "required": ["name"], "additionalProperties": false},
                 "headers": {"X-Client": "switchboard"},
                 "secret_headers": {"Authorization": "Bearer %2$s"},
                 "secret_query": {"api_key": "%3$s"},
                 "response_headers": ["content-type", "location", "x-echo-auth"],
                 "allowed_cidrs": ["127.0.0.2/32"],
                 "max_response_bytes": 4096,
                 "max_redirects": 2}
                """.formatted(upstream.port(), TOKEN, QUERY_KEY));
        api = "http://crm.test:" + upstream.port() + "/api";
    }

    @AfterAll
    static void stop() {
        crm.tool().close();
        upstream.close();
    }

    @Test
    void returnsStatusSelectedHeadersAndAJsonBody() {
        ToolResult result = get(crm, api + "/json");

        assertThat(result.ok()).as(result.content()).isTrue();
        JsonNode data = data(result);
        assertThat(data.path("status").asInt()).isEqualTo(200);
        assertThat(data.path("body").path("items").size()).isEqualTo(3);
        assertThat(data.path("headers").path("content-type").asString()).isEqualTo("application/json");
        assertThat(data.path("headers").has("x-upstream")).as("only configured headers").isFalse();
        assertThat(data.path("truncated").asBoolean()).isFalse();
    }

    @Test
    void sendsTheSecretsButNeverShowsThem() {
        ToolResult result = call(crm, "{\"url\": \"" + api + "/echo\", \"query\": {\"q\": \"a b\"}}");

        assertThat(result.ok()).as(result.content()).isTrue();
        JsonNode echoed = data(result).path("body");
        assertThat(echoed.path("headers").path("authorization").asString()).isEqualTo(SecretRedactor.MARK);
        assertThat(echoed.path("headers").path("x-client").asString()).isEqualTo("switchboard");
        assertThat(echoed.path("uri").asString()).contains("q=a+b").contains("api_key=" + SecretRedactor.MARK);
        assertThat(data(result).path("headers").path("x-echo-auth").asString()).isEqualTo(SecretRedactor.MARK);
        assertThat(data(result).path("url").asString()).doesNotContain("api_key");
        assertNoSecret(result.content());
        assertNoSecret(crm.tool().spec().toOpenAiTool().toString());
    }

    @Test
    void postsTheValidatedJsonBody() {
        ToolResult result = call(crm, "{\"url\": \"" + api + "/echo\", \"method\": \"POST\", \"body\": {\"name\": \"Ada\"}}");

        assertThat(result.ok()).as(result.content()).isTrue();
        JsonNode echoed = data(result).path("body");
        assertThat(echoed.path("method").asString()).isEqualTo("POST");
        assertThat(echoed.path("body").asString()).isEqualTo("{\"name\":\"Ada\"}");
        assertThat(echoed.path("headers").path("content-type").asString()).isEqualTo("application/json");
    }

    @Test
    void aBodyThatFailsTheSchemaIsNeverSent() {
        int before = upstream.requests();

        ToolResult result = call(crm, "{\"url\": \"" + api + "/echo\", \"method\": \"POST\", \"body\": {\"nmae\": 1}}");

        assertThat(result.error()).isEqualTo(ToolError.INVALID_ARGUMENTS);
        assertThat(result.content()).contains("name");
        assertThat(upstream.requests()).isEqualTo(before);
    }

    @Test
    void refusesPathsHostsPortsAndMethodsOffTheList() {
        int before = upstream.requests();

        assertThat(get(crm, "http://crm.test:" + upstream.port() + "/other/page").error()).isEqualTo(ToolError.REFUSED);
        assertThat(get(crm, api + "x/json").error()).as("prefix matches whole segments").isEqualTo(ToolError.REFUSED);
        assertThat(get(crm, api + "/%2e%2e/other/page").error()).isEqualTo(ToolError.REFUSED);
        assertThat(get(crm, api + "/..;/other/page").error()).isEqualTo(ToolError.REFUSED);
        assertThat(get(crm, "http://evil.test:" + upstream.port() + "/api/json").error()).isEqualTo(ToolError.REFUSED);
        assertThat(get(crm, "https://crm.test:" + upstream.port() + "/api/json").error()).isEqualTo(ToolError.REFUSED);
        assertThat(get(crm, "http://crm.test:1/api/json").error()).isEqualTo(ToolError.REFUSED);
        assertThat(get(crm, "http://other.test:" + upstream.port() + "/api/json").error()).isEqualTo(ToolError.REFUSED);
        assertThat(call(crm, "{\"url\": \"" + api + "/json\", \"method\": \"DELETE\"}").error())
                .isEqualTo(ToolError.INVALID_ARGUMENTS);
        assertThat(upstream.requests()).isEqualTo(before);
    }

    @Test
    void stopsReadingAtTheSizeCapAndSaysSo() {
        ToolResult result = get(crm, api + "/big");

        assertThat(result.ok()).as(result.content()).isTrue();
        assertThat(data(result).path("truncated").asBoolean()).isTrue();
        assertThat(data(result).path("body").asString()).hasSize(4096).matches("x+");
    }

    @Test
    void omitsBinaryAndCompressedBodies() {
        assertThat(data(get(crm, api + "/binary")).path("body_omitted").asString()).contains("not text");
        assertThat(data(get(crm, api + "/gzip")).path("body_omitted").asString()).contains("compressed");
    }

    @Test
    void followsRedirectsOnTheList() {
        ToolResult result = get(crm, upstreamUrl("/api/redirect?to=/api/json"));

        assertThat(result.ok()).as(result.content()).isTrue();
        assertThat(data(result).path("url").asString()).endsWith("/api/json");
        assertThat(data(result).path("body").path("ok").asBoolean()).isTrue();
    }

    @Test
    void refusesRedirectsOffTheListAndEndlessOnes() {
        int before = upstream.requests();

        ToolResult offPath = get(crm, upstreamUrl("/api/redirect?to=/other/page"));
        ToolResult offHost = get(crm, upstreamUrl("/api/redirect?to=http%3A%2F%2Fevil.test%2Fapi%2Fjson"));
        ToolResult loop = get(crm, upstreamUrl("/api/loop"));

        assertThat(offPath.error()).as(offPath.content()).isEqualTo(ToolError.REFUSED);
        assertThat(offHost.error()).as(offHost.content()).isEqualTo(ToolError.REFUSED);
        assertThat(loop.error()).isEqualTo(ToolError.REFUSED);
        assertThat(loop.content()).contains("Stopped after 2 redirects");
        assertThat(upstream.requests() - before).as("the refused targets were never requested").isEqualTo(2 + 3);
    }

    @Test
    void aRedirectToAnotherOriginGoesWithoutTheSecretHeaders() {
        String target = "http://other.test:" + upstream.port() + "/api/echo";

        ToolResult result = get(crm, upstreamUrl("/api/redirect?to=" + java.net.URLEncoder.encode(target,
                java.nio.charset.StandardCharsets.UTF_8)));

        assertThat(result.ok()).as(result.content()).isTrue();
        assertThat(data(result).path("body").path("headers").has("authorization")).isFalse();
        assertThat(data(result).path("headers").path("x-echo-auth").asString()).isEqualTo("none");
    }

    @Test
    void aSecretInARefusedRedirectIsRedactedFromTheMessage() {
        ToolResult result = get(crm, upstreamUrl("/api/redirect?to=http%3A%2F%2Fevil.test%2F%3Fk%3D" + QUERY_KEY));

        assertThat(result.error()).isEqualTo(ToolError.REFUSED);
        assertNoSecret(result.content());
        assertThat(result.content()).contains(SecretRedactor.MARK);
    }

    @Test
    void postFollowsA303AsGetAndA307AsPost() {
        String echo = java.net.URLEncoder.encode("/api/echo", java.nio.charset.StandardCharsets.UTF_8);
        String post = "\", \"method\": \"POST\", \"body\": {\"name\": \"Ada\"}}";

        JsonNode seeOther = data(call(crm, "{\"url\": \"" + upstreamUrl("/api/redirect?status=303&to=" + echo) + post));
        JsonNode temporary = data(call(crm, "{\"url\": \"" + upstreamUrl("/api/redirect?status=307&to=" + echo) + post));

        assertThat(seeOther.path("body").path("method").asString()).isEqualTo("GET");
        assertThat(seeOther.path("body").path("body").asString()).isEmpty();
        assertThat(temporary.path("body").path("method").asString()).isEqualTo("POST");
        assertThat(temporary.path("body").path("body").asString()).isEqualTo("{\"name\":\"Ada\"}");
    }

    @Test
    void aSlowUpstreamTimesOut() {
        ToolInvoker impatient = HttpToolFixtures.invoker(dns, "impatient", """
                {"targets": ["http://crm.test:%d/api/"], "allowed_cidrs": ["127.0.0.2/32"], "timeout_ms": 200}
                """.formatted(upstream.port()));
        try {
            ToolResult result = get(impatient, api + "/slow");

            assertThat(result.error()).as(result.content()).isEqualTo(ToolError.TIMEOUT);
        } finally {
            impatient.tool().close();
        }
    }

    @Test
    void unreachableAndUnknownHostsAreUnavailable() throws Exception {
        int closedPort;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0, 1, InetAddress.getByName(TestUpstream.HOST))) {
            closedPort = probe.getLocalPort();
        }
        ToolInvoker closed = HttpToolFixtures.invoker(dns, "closed", """
                {"targets": ["http://crm.test:%d/", "http://nowhere.test/"], "allowed_cidrs": ["127.0.0.2/32"]}
                """.formatted(closedPort));
        try {
            assertThat(get(closed, "http://crm.test:" + closedPort + "/x").error()).isEqualTo(ToolError.UNAVAILABLE);
            assertThat(get(closed, "http://nowhere.test/x").error()).isEqualTo(ToolError.UNAVAILABLE);
        } finally {
            closed.tool().close();
        }
    }

    /**
     * DNS rebinding: the name first answers the allowed upstream, then loopback, where a sinkhole waits at the same
     * port. The upstream closes each connection, so the second call must resolve again; its answer is refused.
     */
    @Test
    void aNameThatRebindsToAPrivateAddressIsRefusedOnTheNextConnection() throws Exception {
        TestDns flipping = new TestDns().answer("flip.test", TestUpstream.HOST);
        ToolInvoker tool = HttpToolFixtures.invoker(flipping, "flip", """
                {"targets": ["http://flip.test:%d/api/"], "allowed_cidrs": ["127.0.0.2/32"]}
                """.formatted(upstream.port()));
        try (Sinkhole loopback = new Sinkhole(InetAddress.getByName("127.0.0.1"), upstream.port())) {
            String url = "http://flip.test:" + upstream.port() + "/api/close";
            assertThat(get(tool, url).ok()).isTrue();

            flipping.answer("flip.test", "127.0.0.1");
            ToolResult rebound = get(tool, url);

            assertThat(rebound.error()).as(rebound.content()).isEqualTo(ToolError.REFUSED);
            assertThat(loopback.connections()).isZero();
            assertThat(flipping.queries()).isEqualTo(2);
        } finally {
            tool.tool().close();
        }
    }

    private static String upstreamUrl(String pathAndQuery) {
        return "http://crm.test:" + upstream.port() + pathAndQuery;
    }

    private static void assertNoSecret(String text) {
        assertThat(text).doesNotContain(TOKEN).doesNotContain(QUERY_KEY).doesNotContain("0123456789abcdef");
    }
}
