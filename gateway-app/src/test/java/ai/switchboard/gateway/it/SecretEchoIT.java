package ai.switchboard.gateway.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

/**
 * An upstream that echoes every request header back, in a 400 body, a 500 body and an error event inside a stream:
 * the extra header's canary and the credential reach neither the inference caller, nor the log, nor the usage
 * ledger; and the database holds the header only encrypted.
 */
@ExtendWith(OutputCaptureExtension.class)
class SecretEchoIT extends GatewayIT {

    private static final String CANARY = "CANARY-XHDR-91ab";
    private static final String UPSTREAM_KEY = "sk-echo-upstream-credential-7f3e";
    /** Every header the upstream received, in the message, param and code of an OpenAI error of type %s. */
    private static final String ECHO = "{\"error\":{\"message\":\"you sent: {{#each request.headers}}{{@key}}="
            + "{{this}}; {{/each}}\",\"type\":\"%s\",\"param\":\"{{request.headers.X-Secret-Hdr}}\","
            + "\"code\":\"{{request.headers.Authorization}}\"}}";

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void echoedHeadersReachNoCallerNoLogAndNoLedger(CapturedOutput output) {
        String prefix = unique("echo");
        fixtures.provider(Map.of("name", prefix + "-p", "type", "openai", "base_url", upstreamBase(prefix),
                "api_key", UPSTREAM_KEY, "extra_headers", Map.of("X-Secret-Hdr", CANARY)));
        stub(prefix, "up-400", aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                .withBody(ECHO.formatted("invalid_request_error")));
        stub(prefix, "up-500", aResponse().withStatus(500).withHeader("Content-Type", "application/json")
                .withBody(ECHO.formatted("server_error")));
        stub(prefix, "up-stream", aResponse().withHeader("Content-Type", "text/event-stream").withBody(
                UpstreamBodies.sse(List.of(UpstreamBodies.roleChunk("m"), UpstreamBodies.textChunk("m", "Hal", null),
                        ECHO.formatted("server_error")), false)));
        for (String model : List.of("400", "500", "stream")) {
            fixtures.model(prefix + "-" + model, prefix + "-p", "up-" + model);
        }
        String key = fixtures.key(prefix + "-k");
        List<String> requestIds = new ArrayList<>();

        String clientError = chat(key, prefix + "-400", false, 400, requestIds);
        String serverError = chat(key, prefix + "-500", false, 502, requestIds);
        String stream = chat(key, prefix + "-stream", true, 200, requestIds);

        assertThat(echoesServed(prefix)).as("the upstream really echoed the secrets")
                .allSatisfy(body -> assertThat(body).contains(CANARY).contains(UPSTREAM_KEY));
        assertThat(clientError).as("the upstream's message is relayed, masked").contains("X-Secret-Hdr=***");
        assertThat(stream).contains("\"content\":\"Hal\"").contains("data: {\"error\":");
        for (String relayed : List.of(clientError, serverError, stream)) {
            assertThat(relayed).doesNotContain(CANARY).doesNotContain(UPSTREAM_KEY);
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(jdbc.queryForObject(
                "SELECT count(*) FROM usage_ledger WHERE request_id IN (?, ?, ?)", Integer.class,
                requestIds.toArray())).isEqualTo(3));
        assertThat(jdbc.queryForList("SELECT u::text FROM usage_ledger u WHERE request_id IN (?, ?, ?)",
                String.class, requestIds.toArray())).hasSize(3)
                .allSatisfy(row -> assertThat(row).doesNotContain(CANARY).doesNotContain(UPSTREAM_KEY));
        assertThat(output.getAll()).doesNotContain(CANARY).doesNotContain(UPSTREAM_KEY);
    }

    @Test
    void theDatabaseHoldsExtraHeadersOnlyEncrypted() {
        String name = unique("echo-at-rest");
        fixtures.provider(Map.of("name", name, "type", "openai", "base_url", upstreamBase(name),
                "api_key", UPSTREAM_KEY, "extra_headers", Map.of("X-Secret-Hdr", CANARY, "X-Team", "team-at-rest")));

        assertThat(jdbc.queryForObject("SELECT p::text FROM providers p WHERE name = ?", String.class, name))
                .doesNotContain(CANARY).doesNotContain("team-at-rest").doesNotContain(UPSTREAM_KEY);
        assertThat(jdbc.queryForObject("SELECT extra_headers_ciphertext FROM providers WHERE name = ?", String.class,
                name)).startsWith("v1:");
        assertThat(jdbc.queryForList("SELECT a::text FROM audit_log a WHERE entity_name = ?", String.class, name))
                .isNotEmpty().allSatisfy(row -> assertThat(row).doesNotContain(CANARY).doesNotContain("team-at-rest"));
        http.get().uri("/admin/v1/providers/" + name).header("Authorization", "Bearer " + ADMIN_KEY).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.extra_headers.X-Secret-Hdr").isEqualTo("********")
                .jsonPath("$.extra_headers.X-Team").isEqualTo("team-at-rest")
                .jsonPath("$.status").isEqualTo("ok");
    }

    @Test
    void aBaseUrlWithCredentialsIsRefusedNamingTheFieldNotTheCredential() {
        String body = http.post().uri("/admin/v1/providers").header("Authorization", "Bearer " + ADMIN_KEY)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", unique("echo-userinfo"), "type", "openai",
                        "base_url", "http://gw-user:" + CANARY + "@proxy.example/v1"))
                .exchange().expectStatus().isBadRequest().expectBody(String.class).returnResult().getResponseBody();

        assertThat(body).contains("base_url").contains("must not carry user information").doesNotContain(CANARY);
    }

    private static void stub(String prefix, String upstreamModel, ResponseDefinitionBuilder response) {
        UPSTREAM.stubFor(post(urlEqualTo("/" + prefix + "/v1/chat/completions"))
                .withRequestBody(matchingJsonPath("$.model", equalTo(upstreamModel)))
                .willReturn(response.withTransformers("response-template")));
    }

    private static List<String> echoesServed(String prefix) {
        return UPSTREAM.getAllServeEvents().stream()
                .filter(event -> event.getRequest().getUrl().startsWith("/" + prefix + "/"))
                .map(ServeEvent::getResponse).map(response -> response.getBodyAsString()).toList();
    }

    private String chat(String key, String model, boolean stream, int status, List<String> requestIds) {
        EntityExchangeResult<String> result = http.post().uri("/v1/chat/completions")
                .header("Authorization", "Bearer " + key)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"model\":\"" + model + "\",\"stream\":" + stream
                        + ",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}")
                .exchange().expectStatus().isEqualTo(status).expectBody(String.class).returnResult();
        requestIds.add(result.getResponseHeaders().getFirst("x-request-id"));
        return result.getResponseBody();
    }
}
