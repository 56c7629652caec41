package ai.switchboard.gateway.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The admin and API calls a process-level test makes against a gateway at {@code base}. */
final class GatewayAdmin {

    private static final Pattern KEY = Pattern.compile("\"key\"\\s*:\\s*\"(sk-sb-[^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String adminKey;

    GatewayAdmin(String base, String adminKey) {
        this.base = base;
        this.adminKey = adminKey;
    }

    void provider(String name, String baseUrl) throws Exception {
        post("/admin/v1/providers", adminKey, "{\"name\":\"" + name + "\",\"type\":\"openai\",\"base_url\":\""
                + baseUrl + "\"}", 201);
    }

    void model(String name, String provider, String upstreamModel) throws Exception {
        post("/admin/v1/models", adminKey, "{\"name\":\"" + name + "\",\"provider\":\"" + provider
                + "\",\"upstream_model\":\"" + upstreamModel + "\",\"capabilities\":[\"chat\",\"streaming\"]}", 201);
    }

    /** Creates an inference key and returns its secret. */
    String inferenceKey(String name) throws Exception {
        String created = post("/admin/v1/keys", adminKey, "{\"name\":\"" + name + "\",\"scopes\":[\"inference\"],"
                + "\"allowed_models\":[\"*\"]}",
                201);
        Matcher key = KEY.matcher(created);
        assertThat(key.find()).as(created).isTrue();
        return key.group(1);
    }

    /** POSTs {@code json} to {@code path} with {@code key}, asserts the status and returns the body. */
    String post(String path, String key, String json, int expectedStatus) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(expectedStatus);
        return response.body();
    }
}
