package ai.switchboard.gateway.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A provider whose stored credential cannot be decrypted (here: a ciphertext copied from another provider's row,
 * which is bound to that row) is shown as such and counted in a gauge; its models answer 503 without calling it,
 * while every other change keeps reaching the snapshot. Setting the credential again repairs it.
 */
class ProviderCredentialErrorIT extends GatewayIT {

    private static final Pattern GAUGE = Pattern.compile(
            "(?m)^switchboard_providers_unavailable\\{[^}]*reason=\"credential_error\"[^}]*} ([0-9.]+)$");

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anUndecryptableProviderIsUnavailableWhileEverythingElseRefreshes() {
        String prefix = unique("credential-error");
        UPSTREAM.stubFor(post(urlEqualTo("/" + prefix + "/v1/chat/completions")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json")
                .withBody(UpstreamBodies.chatCompletion("m", "from upstream"))));
        String brokenKey = fixtures.chatModel(prefix + "-broken-m", prefix + "-broken", upstreamBase(prefix), "m");
        fixtures.provider(prefix + "-donor", upstreamBase(prefix));
        double unavailableBefore = unavailableGauge();
        jdbc.update("UPDATE providers SET api_key_ciphertext = (SELECT api_key_ciphertext FROM providers "
                + "WHERE name = ?) WHERE name = ?", prefix + "-donor", prefix + "-broken");

        // Any admin change rebuilds the snapshot: the broken row must not stop this one from being served.
        String laterKey = fixtures.chatModel(prefix + "-later-m", prefix + "-later", upstreamBase(prefix), "m");

        chat(laterKey, prefix + "-later-m").expectStatus().isOk();
        int callsBefore = upstreamCalls(prefix);
        chat(brokenKey, prefix + "-broken-m").expectStatus().isEqualTo(503).expectBody()
                .jsonPath("$.error.code").isEqualTo("provider_unavailable")
                .jsonPath("$.error.type").isEqualTo("api_error")
                .jsonPath("$.error.message").value(message -> assertThat((String) message)
                        .contains("Provider '" + prefix + "-broken' is unavailable").contains("cannot be decrypted")
                        .doesNotContain("v1:").doesNotContain("test-upstream-key"));
        assertThat(upstreamCalls(prefix)).as("the broken provider is never called").isEqualTo(callsBefore);
        provider(prefix + "-broken").jsonPath("$.status").isEqualTo("credential_error")
                .jsonPath("$.extra_headers").doesNotExist();
        provider(prefix + "-later").jsonPath("$.status").isEqualTo("ok");
        assertThat(unavailableGauge()).isEqualTo(unavailableBefore + 1);

        fixtures.patch("/admin/v1/providers/" + prefix + "-broken", Map.of("api_key", "test-upstream-key"))
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("ok");

        chat(brokenKey, prefix + "-broken-m").expectStatus().isOk();
        assertThat(unavailableGauge()).isEqualTo(unavailableBefore);
    }

    private WebTestClient.ResponseSpec chat(String key, String model) {
        return http.post().uri("/v1/chat/completions").header("Authorization", "Bearer " + key)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"model\":\"" + model + "\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}")
                .exchange();
    }

    private WebTestClient.BodyContentSpec provider(String name) {
        return http.get().uri("/admin/v1/providers/" + name).header("Authorization", "Bearer " + ADMIN_KEY)
                .exchange().expectStatus().isOk().expectBody();
    }

    private static int upstreamCalls(String prefix) {
        return UPSTREAM.findAll(postRequestedFor(urlEqualTo("/" + prefix + "/v1/chat/completions"))).size();
    }

    private double unavailableGauge() {
        String scrape = http.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        Matcher gauge = GAUGE.matcher(scrape);
        assertThat(gauge.find()).as("the gauge is exported").isTrue();
        return Double.parseDouble(gauge.group(1));
    }
}
