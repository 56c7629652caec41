package ai.switchboard.providers.testsupport.kit;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static org.assertj.core.api.Assertions.assertThat;

import ai.switchboard.providers.api.ChatChunk;
import ai.switchboard.providers.api.ErrorType;
import ai.switchboard.providers.api.ProviderEndpoint;
import ai.switchboard.providers.api.ProviderException;
import ai.switchboard.providers.testsupport.TestEndpoints;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * The failure half of the contract: upstream statuses classified per the {@link StatusTable} (a 5xx by its status
 * alone, whatever its body says), unreadable bodies,
 * and streams that break off or stall. Fixtures extend {@link ProviderAdapterContractKit}, not this class.
 */
public abstract class ProviderFailureScenarios extends KitFixture {

    /** The upstream echoes the credential, as OpenAI's 401 text does; no classification may let it through. */
    private static final String ECHOING_MESSAGE = "Incorrect API key provided: " + TestEndpoints.API_KEY;
    /** Reads as the client's fault to every classifier that reads messages (a context overflow, an invalid request). */
    private static final String CLIENT_FAULT_MESSAGE =
            "Invalid request: this model's maximum context length is 4096 tokens, your prompt is too long";
    /** The client-error statuses whose native bodies the server-error scenario sends with a 5xx. */
    private static final List<Integer> CLIENT_ERROR_BODIES = List.of(400, 401, 403, 404, 413, 429);

    /** A header value an admin configured, which an upstream that echoes request headers sends back. */
    private static final String CANARY = "CANARY-XHDR-91ab";

    /** The rows the status test runs, from {@link #statusTable()}. */
    protected final List<StatusRow> statusRows() {
        return statusTable().rows();
    }

    @ParameterizedTest(name = "upstream {0}")
    @MethodSource("statusRows")
    void upstreamStatusIsClassifiedPerTheStatusTable(StatusRow row) {
        ResponseDefinitionBuilder response = errorResponse(row.upstreamStatus(), ECHOING_MESSAGE)
                .withStatus(row.upstreamStatus());
        if (row.retryAfter() != null) {
            response = response.withHeader("Retry-After", Long.toString(row.retryAfter().toSeconds()));
        }
        upstream().stubFor(chatCall(false).willReturn(response));
        upstream().stubFor(chatCall(true).willReturn(response));

        List<Mono<?>> calls = List.of(adapter().chat(defaultEndpoint(), KitRequests.plain(model())),
                adapter().streamChat(defaultEndpoint(), KitRequests.streamed(KitRequests.plain(model()))).then());
        for (Mono<?> call : calls) {
            ProviderException error = failure(call);
            assertThat(error.type()).isEqualTo(row.type());
            assertThat(error.retriable()).isEqualTo(row.retriable());
            assertThat(error.status()).isEqualTo(row.clientStatus());
            assertThat(error.upstreamStatus()).isEqualTo(row.upstreamStatus());
            if (row.retryAfter() != null) {
                assertThat(error.retryAfter()).isEqualTo(row.retryAfter());
            }
        }
    }

    @ParameterizedTest(name = "upstream {0}")
    @ValueSource(ints = {400, 500})
    void configuredSecretsEchoedInAnErrorNeverReachTheCaller(int status) {
        ProviderEndpoint endpoint = withCanaryHeader(defaultEndpoint());
        String echo = "request headers: {\"X-Secret-Hdr\": \"" + CANARY + "\", \"Authorization\": \"Bearer "
                + endpoint.apiKey() + "\"}";
        upstream().stubFor(chatCall(false).willReturn(errorResponse(status, echo).withStatus(status)));
        upstream().stubFor(chatCall(true).willReturn(errorResponse(status, echo).withStatus(status)));

        List<Mono<?>> calls = List.of(adapter().chat(endpoint, KitRequests.plain(model())),
                adapter().streamChat(endpoint, KitRequests.streamed(KitRequests.plain(model()))).then());
        for (Mono<?> call : calls) {
            ProviderException error = failure(call);
            String texts = error.getMessage() + " " + error.param() + " " + error.code();
            assertThat(texts).as("message, param and code").doesNotContain(CANARY).doesNotContain(endpoint.apiKey());
        }
    }

    private static ProviderEndpoint withCanaryHeader(ProviderEndpoint endpoint) {
        Map<String, String> headers = new LinkedHashMap<>(endpoint.headers());
        headers.put("X-Secret-Hdr", CANARY);
        return new ProviderEndpoint(endpoint.name(), endpoint.type(), endpoint.baseUrl(), endpoint.apiKey(), headers,
                endpoint.connectTimeout(), endpoint.responseTimeout(), endpoint.settings(), endpoint.revision());
    }

    /**
     * Every server-error row paired with each client-error status whose native body (and headers) the provider is
     * made to send with it.
     */
    protected final Stream<Arguments> serverErrorsWithClientErrorBodies() {
        return statusRows().stream()
                .filter(row -> row.upstreamStatus() >= 500)
                .flatMap(row -> CLIENT_ERROR_BODIES.stream().map(body -> Arguments.of(row, body)));
    }

    /**
     * A 5xx is the upstream's failure whatever its body says: a body naming an invalid request, a context overflow,
     * bad credentials or a rate limit does not turn it into an error the client must fix, nor stop the failover.
     */
    @ParameterizedTest(name = "upstream {0}, sent with a {1} body")
    @MethodSource("serverErrorsWithClientErrorBodies")
    void theStatusDecidesTheClassOfAServerError(StatusRow row, int bodyOfStatus) {
        ResponseDefinitionBuilder response = errorResponse(bodyOfStatus, CLIENT_FAULT_MESSAGE)
                .withStatus(row.upstreamStatus());
        upstream().stubFor(chatCall(false).willReturn(response));
        upstream().stubFor(chatCall(true).willReturn(response));

        for (Mono<?> call : List.of(adapter().chat(defaultEndpoint(), KitRequests.plain(model())),
                adapter().streamChat(defaultEndpoint(), KitRequests.streamed(KitRequests.plain(model()))).then())) {
            ProviderException error = failure(call);
            assertThat(error.type()).isEqualTo(row.type());
            assertThat(error.retriable()).isTrue();
            assertThat(error.status()).isEqualTo(row.clientStatus());
            assertThat(error.upstreamStatus()).isEqualTo(row.upstreamStatus());
        }
    }

    @Test
    void malformedJsonBodyIsAMalformedResponse() {
        upstream().stubFor(chatCall(false).willReturn(okJson("{\"id\":\"x\",\"choices\":[{")));

        assertThat(failure(adapter().chat(defaultEndpoint(), KitRequests.plain(model()))).type())
                .isEqualTo(ErrorType.MALFORMED_RESPONSE);
    }

    @Test
    void streamCutInTheMiddleIsInterruptedNeverComplete() {
        StreamTranscript transcript = streamTranscript(
                UpstreamReply.text(UpstreamFinish.STOP, new UpstreamUsage(9, 4, 0), "Once", " upon", " a", " time"));
        upstream().stubFor(chatCall(true).willReturn(
                streamResponse(transcript.contentType(), transcript.cutInTheMiddle())));
        List<ChatChunk> received = new ArrayList<>();

        Flux<ChatChunk> stream = adapter().streamChat(defaultEndpoint(),
                KitRequests.streamed(KitRequests.plain(model()))).doOnNext(received::add);

        assertThat(failure(stream.then()).type()).isEqualTo(ErrorType.STREAM_INTERRUPTED);
        assertThat(StreamedAnswer.of(received).finishReasons()).as("no finish before the cut").isEmpty();
    }

    @Test
    void stalledStreamTimesOut() {
        StreamTranscript transcript = streamTranscript(
                UpstreamReply.text(UpstreamFinish.STOP, new UpstreamUsage(9, 2, 0), "Hel", "lo"));
        // Headers arrive at once, then the body comes in two pieces a second apart: the gap between two reads
        // exceeds the endpoint's response timeout.
        upstream().stubFor(chatCall(true).willReturn(streamResponse(transcript.contentType(), transcript.body())
                .withChunkedDribbleDelay(2, 2000)));

        StepVerifier.create(adapter().streamChat(impatientEndpoint(), KitRequests.streamed(KitRequests.plain(model())))
                        .then())
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOfSatisfying(ProviderException.class,
                        classified -> assertThat(classified.type()).isEqualTo(ErrorType.TIMEOUT)))
                .verify(WAIT);
    }

    @Test
    void slowAnswerTimesOut() {
        upstream().stubFor(chatCall(false).willReturn(
                chatResponse(UpstreamReply.text(UpstreamFinish.STOP, new UpstreamUsage(9, 2, 0), "late"))
                        .withFixedDelay(2000)));

        StepVerifier.create(adapter().chat(impatientEndpoint(), KitRequests.plain(model())))
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOfSatisfying(ProviderException.class,
                        classified -> assertThat(classified.type()).isEqualTo(ErrorType.TIMEOUT)))
                .verify(WAIT);
    }
}
