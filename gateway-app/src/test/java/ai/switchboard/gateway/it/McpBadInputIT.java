package ai.switchboard.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Malformed input to {@code /mcp}: each gets its JSON-RPC error code (-32700 not JSON, -32600 not a request this
 * endpoint takes, -32601 no such method, -32602 bad params) or its HTTP status, as a JSON-RPC error body; never a 500
 * and never a stack trace. {@code TOOL} is a tool instance the key is granted, so a refusal of its arguments is about
 * the arguments, not the grant.
 */
class McpBadInputIT extends GatewayIT {

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    /** One key and tool for the whole class: set up once, as no case changes them. */
    private static String key;
    private static String tool;

    @BeforeEach
    void grantedTool() {
        if (key != null) {
            return;
        }
        String prefix = unique("mcp-bad");
        tool = prefix + "-lookup";
        fixtures.post("/admin/v1/tools", Map.of("name", tool, "type", "http", "description", "Reads a customer",
                "config", Map.of("targets", List.of(UPSTREAM.baseUrl() + "/" + prefix + "/"))));
        key = fixtures.post("/admin/v1/keys", Map.of("name", prefix + "-key", "allowed_models",
                List.of("tool:" + tool))).path("key").asString();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
        // case | body | HTTP status | JSON-RPC code | id answered (null when none could be read)
        "not JSON|{\"jsonrpc\":|400|-32700|",
        "empty body|~~|400|-32700|",
        "trailing garbage|{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"} x|400|-32700|",
        "batch|[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}]|400|-32600|",
        "JSON scalar|\"ping\"|400|-32600|",
        "missing jsonrpc|{\"id\":1,\"method\":\"ping\"}|400|-32600|1",
        "wrong jsonrpc version|{\"jsonrpc\":\"1.0\",\"id\":1,\"method\":\"ping\"}|400|-32600|1",
        "jsonrpc a number|{\"jsonrpc\":2.0,\"id\":\"a\",\"method\":\"ping\"}|400|-32600|a",
        "missing method|{\"jsonrpc\":\"2.0\",\"id\":1}|400|-32600|1",
        "method a number|{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":5}|400|-32600|1",
        "method empty|{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"\"}|400|-32600|1",
        "id an object|{\"jsonrpc\":\"2.0\",\"id\":{\"a\":1},\"method\":\"ping\"}|400|-32600|",
        "id a boolean|{\"jsonrpc\":\"2.0\",\"id\":true,\"method\":\"ping\"}|400|-32600|",
        "id a fraction|{\"jsonrpc\":\"2.0\",\"id\":1.5,\"method\":\"ping\"}|400|-32600|",
        "id null|{\"jsonrpc\":\"2.0\",\"id\":null,\"method\":\"ping\"}|400|-32600|",
        "unknown method|{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"resources/list\"}|200|-32601|1",
        "params a string|{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\",\"params\":\"x\"}|200|-32602|1",
        "params an array|{\"jsonrpc\":\"2.0\",\"id\":\"s\",\"method\":\"ping\",\"params\":[1]}|200|-32602|s",
        "tools/call without params|{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\"}|200|-32602|1",
        "tools/call without name|{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":"
                + "{\"arguments\":{}}}|200|-32602|1",
        "tools/call name a number|{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":"
                + "{\"name\":5}}|200|-32602|1",
        "tools/call arguments a string|{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":"
                + "{\"name\":\"TOOL\",\"arguments\":\"url\"}}|200|-32602|1",
        "tools/call arguments empty string|{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":"
                + "{\"name\":\"TOOL\",\"arguments\":\"\"}}|200|-32602|1",
        "tools/call arguments an array|{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":"
                + "{\"name\":\"TOOL\",\"arguments\":[\"url\"]}}|200|-32602|1",
    })
    void malformedMessagesGetTheirJsonRpcError(String name, String body, int status, int code, String id) {
        JsonNode error = jsonRpcError(post(body.replace("TOOL", tool), "application/json", "application/json, "
                + "text/event-stream"), status);

        assertThat(error.at("/error/code").asInt()).as(name).isEqualTo(code);
        if (id == null) {
            assertThat(error.path("id").isNull()).as("id of %s", name).isTrue();
        } else {
            assertThat(error.path("id").asString()).as("id of %s", name).isEqualTo(id);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "Content-Type text/plain|text/plain|application/json|415",
        "Content-Type form|application/x-www-form-urlencoded|application/json|415",
        "no Content-Type||application/json|415",
        "Accept without JSON|application/json|text/html|406",
        "Accept only event streams|application/json|text/event-stream|406",
    })
    void wrongHeadersGetTheirHttpStatus(String name, String contentType, String accept, int status) {
        JsonNode error = jsonRpcError(post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}", contentType,
                accept), status);

        assertThat(error.at("/error/code").asInt()).as(name).isEqualTo(-32600);
    }

    /** No Accept at all means any type (RFC 9110 12.5.1): answered, as the spec's clients always send one anyway. */
    @Test
    void aRequestWithoutAcceptIsAnswered() {
        JsonNode answer = JsonMapper.shared().readTree(post("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"ping\"}",
                "application/json", null).body());

        assertThat(answer.path("id").asInt()).isEqualTo(7);
        assertThat(answer.path("result").isObject()).isTrue();
    }

    @Test
    void aBodyOverTheLimitIs413() {
        // Above switchboard.api.max-request-size (4 MB in the tests), inside a string so only its size is wrong.
        String big = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"" + tool
                + "\",\"arguments\":{\"url\":\"" + "x".repeat(5 * 1024 * 1024) + "\"}}}";

        JsonNode error = jsonRpcError(post(big, "application/json", "application/json"), 413);

        assertThat(error.at("/error/code").asInt()).isEqualTo(-32600);
    }

    @Test
    void notificationsAndClientResponsesAreAcceptedWithoutAnAnswer() {
        for (String body : List.of("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}",
                "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/unknown\",\"params\":[1]}",
                "{\"jsonrpc\":\"2.0\",\"id\":3,\"result\":{}}")) {
            assertThat(post(body, "application/json", "application/json").statusCode()).as(body)
                    .isEqualTo(202);
        }
    }

    /** Sent with the JDK client, which adds no header of its own: "no Content-Type" means none at all. */
    private HttpResponse<byte[]> post(String body, String contentType, String accept) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/mcp"))
                .header("Authorization", "Bearer " + key).timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (accept != null) {
            request.header("Accept", accept);
        }
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The response is {@code status} with a JSON-RPC error body that gives nothing of the server's insides away. */
    private static JsonNode jsonRpcError(HttpResponse<byte[]> response, int status) {
        String body = new String(response.body(), StandardCharsets.UTF_8);
        assertThat(response.statusCode()).as(body).isEqualTo(status);
        assertThat(body).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("ai.switchboard");
        JsonNode error = JsonMapper.shared().readTree(body);
        assertThat(error.path("jsonrpc").asString()).isEqualTo("2.0");
        assertThat(error.at("/error/message").asString()).isNotBlank();
        assertThat(error.has("result")).isFalse();
        return error;
    }
}
