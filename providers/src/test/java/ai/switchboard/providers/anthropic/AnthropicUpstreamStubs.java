package ai.switchboard.providers.anthropic;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import ai.switchboard.providers.api.ProviderEndpoint;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * The Anthropic side of an adapter test: endpoints, native answers stubbed on a WireMock server and the native
 * request pattern to verify. Kept apart from the tests so a shared adapter contract kit can use it as the
 * Anthropic fixture.
 */
public final class AnthropicUpstreamStubs {

    /** A fake credential shaped like Anthropic's, so tests can assert it never leaks. */
    public static final String API_KEY = "sk-ant-api03-TESTKEY0123456789abcdefSECRET";

    public static final String MESSAGES_PATH = "/v1/messages";

    private AnthropicUpstreamStubs() {
    }

    /** An endpoint named {@code name} (timeouts are per cached client, so other timeouts need another name). */
    public static ProviderEndpoint endpoint(String name, String baseUrl, Map<String, String> headers,
            Map<String, String> settings, Duration responseTimeout) {
        return new ProviderEndpoint(name, "anthropic", URI.create(baseUrl), API_KEY, headers, Duration.ofSeconds(2),
                responseTimeout, settings, 1);
    }

    /** Answers the next Messages call with a recorded JSON answer. */
    public static void stubMessage(WireMockServer server, String transcript) {
        stub(server, aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withHeader("request-id", "req_011CTEST").withBody(AnthropicTranscripts.body(transcript)));
    }

    /** Answers with an event stream whose body is {@code sse}, exactly as given. */
    public static void stubStream(WireMockServer server, String sse) {
        stub(server, streamResponse(sse));
    }

    /** An event-stream answer to adjust further (delays, faults). */
    public static ResponseDefinitionBuilder streamResponse(String sse) {
        return aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream; charset=utf-8")
                .withHeader("Cache-Control", "no-cache").withBody(sse);
    }

    /** Answers with Anthropic's error shape. */
    public static void stubError(WireMockServer server, int status, String type, String message,
            Map<String, String> headers) {
        ResponseDefinitionBuilder response = aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json").withBody(errorBody(type, message));
        headers.forEach(response::withHeader);
        stub(server, response);
    }

    /** {@code {"type":"error","error":{"type","message"},"request_id"}}; {@code message} must be JSON-safe. */
    public static String errorBody(String type, String message) {
        return "{\"type\":\"error\",\"error\":{\"type\":\"" + type + "\",\"message\":\"" + message
                + "\"},\"request_id\":\"req_011CTEST\"}";
    }

    public static void stub(WireMockServer server, ResponseDefinitionBuilder response) {
        server.stubFor(post(MESSAGES_PATH).willReturn(response));
    }

    /** A Messages call with the headers every call must carry. */
    public static RequestPatternBuilder messagesRequested() {
        return postRequestedFor(urlEqualTo(MESSAGES_PATH))
                .withHeader("x-api-key", equalTo(API_KEY))
                .withHeader("Content-Type", equalTo("application/json"));
    }
}
