package ai.switchboard.bench.replay.harness;

import ai.switchboard.bench.replay.record.JsonLines;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The gateway's admin API (registration, the usage ledger) and its chat endpoint, over loopback HTTP. */
final class GatewayClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final URI base;
    private final String adminKey;

    GatewayClient(URI base, String adminKey) {
        this.base = base;
        this.adminKey = adminKey;
    }

    JsonNode admin(String method, String path, ObjectNode body) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + adminKey).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body.toString()));
        HttpResponse<String> response = send(request.build());
        if (response.statusCode() / 100 != 2) {
            throw new IOException(method + " " + path + " -> " + response.statusCode() + ": " + response.body());
        }
        return response.body().isBlank() ? JsonLines.MAPPER.createObjectNode()
                : JsonLines.MAPPER.readTree(response.body());
    }

    /** Sends one user message to {@code model} (a route) with an inference key. */
    ChatOutcome chat(String key, String model, String itemId, String prompt, boolean stream) throws IOException {
        ObjectNode body = JsonLines.MAPPER.createObjectNode().put("model", model);
        body.putArray("messages").addObject().put("role", "user").put("content", prompt);
        if (stream) {
            body.put("stream", true).putObject("stream_options").put("include_usage", true);
        }
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/v1/chat/completions")).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
        HttpResponse<String> response = send(request);
        String served = response.headers().firstValue("x-switchboard-model").orElse(null);
        int attempts = response.headers().firstValue("x-switchboard-attempts").map(Integer::parseInt).orElse(0);
        if (response.statusCode() != 200) {
            return new ChatOutcome(itemId, response.statusCode(), null, attempts, response.body(), stream);
        }
        String content = stream ? StreamedContent.of(response.body())
                : JsonLines.MAPPER.readTree(response.body()).path("choices").path(0).path("message")
                        .path("content").asString(null);
        return new ChatOutcome(itemId, content == null ? 502 : 200, content == null ? null : served, attempts,
                content == null ? response.body() : content, stream);
    }

    /** The ledger's totals by route over {@code [from, to)}. */
    Map<String, UsageRow> usageByRoute(Instant from, Instant to) throws IOException {
        JsonNode usage = admin("GET", "/admin/v1/usage?group_by=route&from=" + encode(from) + "&to=" + encode(to),
                null);
        Map<String, UsageRow> rows = new HashMap<>();
        for (JsonNode row : usage.path("data")) {
            rows.put(row.path("group").asString(""), new UsageRow(row.path("requests").asLong(),
                    row.path("input_tokens").asLong(), row.path("output_tokens").asLong(),
                    row.path("cost_usd").asDouble(), row.path("errors").asLong()));
        }
        return rows;
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static String encode(Instant instant) {
        return URLEncoder.encode(instant.toString(), StandardCharsets.UTF_8);
    }
}
