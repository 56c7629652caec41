package ai.switchboard.gateway.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import ai.switchboard.gateway.agent.ToolInstances;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/** A deleted tool's instance (its connection pool) is closed when the snapshot without it is swapped in. */
class ToolInstancesIT extends GatewayIT {

    @Autowired
    ToolInstances instances;

    @Test
    void deletingAToolClosesItsInstance() {
        String prefix = unique("tool-instances");
        fixtures.provider(prefix + "-p", upstreamBase(prefix));
        fixtures.model(prefix + "-m", prefix + "-p", "gpt-4o-mini", "chat", "tools");
        String crm = "http://localhost:" + UPSTREAM.port() + "/" + prefix + "/crm/";
        String tool = prefix + "-crm";
        UUID toolId = UUID.fromString(fixtures.post("/admin/v1/tools", Map.of("name", tool, "type", "http",
                "config", Map.of("targets", List.of(crm), "allowed_cidrs", List.of("127.0.0.0/8", "::1/128"))))
                .path("id").asString());
        fixtures.post("/admin/v1/agents", Map.of("name", prefix + "-a", "model", prefix + "-m", "tools",
                List.of(tool)));
        String key = fixtures.key(prefix + "-k", "agent:" + prefix + "-a");
        UPSTREAM.stubFor(get(urlEqualTo("/" + prefix + "/crm/x")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody("{}")));
        UPSTREAM.stubFor(post(urlEqualTo("/" + prefix + "/v1/chat/completions")).inScenario(prefix)
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("called").willReturn(aResponse()
                        .withHeader("Content-Type", "application/json").withBody("""
                                {"id":"c1","object":"chat.completion","created":1,"model":"m","choices":[{"index":0,
                                 "message":{"role":"assistant","content":null,"tool_calls":[{"id":"t1","type":
                                 "function","function":{"name":"%s","arguments":"{\\"url\\":\\"%sx\\"}"}}]},
                                 "finish_reason":"tool_calls"}]}""".formatted(tool, crm))));
        UPSTREAM.stubFor(post(urlEqualTo("/" + prefix + "/v1/chat/completions")).inScenario(prefix)
                .whenScenarioStateIs("called").willReturn(aResponse()
                        .withHeader("Content-Type", "application/json").withBody("""
                                {"id":"c2","object":"chat.completion","created":1,"model":"m","choices":[{"index":0,
                                 "message":{"role":"assistant","content":"done"},"finish_reason":"stop"}]}""")));
        http.post().uri("/v1/chat/completions").header("Authorization", "Bearer " + key)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("model", "agent:" + prefix + "-a",
                        "messages", List.of(Map.of("role", "user", "content", "go"))))
                .exchange().expectStatus().isOk().expectHeader().valueEquals("x-switchboard-agent-status", "completed");
        assertThat(instances.holds(toolId)).as("built by the run").isTrue();

        fixtures.delete("/admin/v1/agents/" + prefix + "-a").expectStatus().isNoContent();
        assertThat(instances.holds(toolId)).as("a tool still defined is kept").isTrue();
        fixtures.delete("/admin/v1/tools/" + tool).expectStatus().isNoContent();

        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !instances.holds(toolId));
    }
}
