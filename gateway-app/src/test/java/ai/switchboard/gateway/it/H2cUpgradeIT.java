package ai.switchboard.gateway.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Clients such as the JDK's HttpClient ask plain-HTTP servers to upgrade to h2c; the gateway must still answer. */
class H2cUpgradeIT extends GatewayIT {

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void requestsAskingForAnH2cUpgradeAreServed() throws Exception {
        String prefix = unique("h2c");
        fixtures.provider(prefix + "-p", upstreamBase(prefix));
        fixtures.model(prefix + "-m", prefix + "-p", "m");
        String key = fixtures.key(prefix + "-k", prefix + "-m");
        UPSTREAM.stubFor(post(urlEqualTo("/" + prefix + "/v1/chat/completions")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody(UpstreamBodies.chatCompletion("m", "hi"))));

        HttpResponse<String> models = client.send(request(key, "/v1/models").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> chat = client.send(request(key, "/v1/chat/completions")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"" + prefix
                        + "-m\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}"))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(models.statusCode()).isEqualTo(200);
        assertThat(models.body()).contains(prefix + "-m");
        assertThat(chat.statusCode()).isEqualTo(200);
        assertThat(chat.body()).contains("\"content\":\"hi\"");
    }

    private HttpRequest.Builder request(String key, String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + key)
                .timeout(Duration.ofSeconds(10));
    }
}
