package ai.switchboard.providers.error;

import static org.assertj.core.api.Assertions.assertThat;

import ai.switchboard.providers.api.ErrorType;
import ai.switchboard.providers.api.ProviderEndpoint;
import ai.switchboard.providers.api.ProviderException;
import ai.switchboard.providers.json.WireJson;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import tools.jackson.databind.node.ObjectNode;

/** Upstreams that echo the request's headers back in an error must not hand a configured secret to the caller. */
class UpstreamErrorRedactionTests {

    private static final String KEY = "upstream-key-0123456789";
    private static final String CANARY = "CANARY-XHDR-91ab";
    private static final ProviderEndpoint ENDPOINT = new ProviderEndpoint("echo", "openai",
            URI.create("https://echo.example/v1"), KEY, Map.of("X-Secret-Hdr", CANARY, "X-Team", "team-search-eu"),
            null, null, Map.of(), 1);

    /** What an echoing upstream says: every header it received, in message, param, code and type. */
    private static ObjectNode echoingPayload() {
        String headers = "{\"Authorization\": \"Bearer " + KEY + "\", \"X-Secret-Hdr\": \"" + CANARY
                + "\", \"X-Team\": \"team-search-eu\"}";
        ObjectNode payload = WireJson.mapper().createObjectNode();
        payload.putObject("error").put("message", "bad request, headers were " + headers)
                .put("param", "X-Secret-Hdr=" + CANARY).put("code", CANARY).put("type", "invalid_request_error");
        return payload;
    }

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {400, 404, 409, 422, 429, 500, 502, 503})
    void echoedHeadersAreMaskedInEveryFieldOfAnHttpError(int status) {
        byte[] body = WireJson.mapper().writeValueAsString(echoingPayload()).getBytes(StandardCharsets.UTF_8);

        assertNoSecret(UpstreamErrors.fromResponse(ENDPOINT, status, new HttpHeaders(), body));
    }

    @Test
    void echoedHeadersAreMaskedInAStreamErrorEvent() {
        assertNoSecret(UpstreamErrors.fromErrorPayload(ENDPOINT, echoingPayload()));
    }

    @Test
    void anAdaptersOwnExceptionIsCheckedOnItsWayThrough() {
        ProviderException leaky = new ProviderException(ErrorType.MALFORMED_RESPONSE, 502,
                "The model stopped with " + CANARY, "p-" + KEY, CANARY, null, null);
        ProviderException clean = ProviderException.of(ErrorType.RATE_LIMITED, "slow down");

        ProviderException checked = UpstreamErrors.fromThrowable(ENDPOINT, leaky);

        assertNoSecret(checked);
        assertThat(checked.getMessage()).isEqualTo("The model stopped with ***");
        assertThat(checked.type()).isEqualTo(ErrorType.MALFORMED_RESPONSE);
        assertThat(checked.status()).isEqualTo(502);
        assertThat(UpstreamErrors.fromThrowable(ENDPOINT, clean)).isSameAs(clean);
    }

    @Test
    void upstreamTextIsMaskedAndBounded() {
        assertThat(UpstreamErrors.upstreamText(ENDPOINT, "header " + CANARY + " " + "x".repeat(600)))
                .startsWith("header *** ").hasSize(501);
        assertThat(UpstreamErrors.upstreamText(ENDPOINT, " ")).isNull();
    }

    private static void assertNoSecret(ProviderException error) {
        String texts = error.getMessage() + " " + error.param() + " " + error.code();
        assertThat(texts).as("message, param and code").doesNotContain(CANARY).doesNotContain(KEY)
                .doesNotContain("team-search-eu");
    }
}
