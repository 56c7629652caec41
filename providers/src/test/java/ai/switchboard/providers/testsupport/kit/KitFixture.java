package ai.switchboard.providers.testsupport.kit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import ai.switchboard.providers.api.ChatChunk;
import ai.switchboard.providers.api.ChatRequest;
import ai.switchboard.providers.api.ChatResponse;
import ai.switchboard.providers.api.ProviderAdapter;
import ai.switchboard.providers.api.ProviderEndpoint;
import ai.switchboard.providers.api.ProviderException;
import ai.switchboard.providers.api.ResponseFormat;
import ai.switchboard.providers.http.ProviderHttpClients;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * What a provider fixture implements for the {@link ProviderAdapterContractKit}, and the stub server the kit runs
 * it against. The fixture speaks its provider's native wire format: it renders the kit's provider-neutral
 * {@link UpstreamReply} as native bodies and transcripts, and checks the native requests the adapter sent. The kit
 * owns the canonical requests ({@link KitRequests}) and every assertion on the canonical results.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class KitFixture {

    /** How long any single call may take before the kit gives up on the adapter. */
    protected static final Duration WAIT = Duration.ofSeconds(10);
    /** The response timeout of the endpoint the stall scenarios use. */
    protected static final Duration SHORT_RESPONSE_TIMEOUT = Duration.ofMillis(300);

    private WireMockServer upstream;
    private ProviderHttpClients clients;
    private ProviderAdapter adapter;
    private ProviderEndpoint endpoint;

    // ---- wiring ---------------------------------------------------------------------------------------------------

    /** The adapter under test, built on the kit's clients. */
    protected abstract ProviderAdapter createAdapter(ProviderHttpClients clients);

    /**
     * An endpoint of the adapter's type reaching the stub server at {@code stubBaseUrl} (no trailing slash), with
     * the given name and response timeout and a credential such as {@code TestEndpoints.API_KEY}.
     */
    protected abstract ProviderEndpoint endpoint(String name, String stubBaseUrl, Duration responseTimeout);

    /** The upstream model id put in every canonical request. */
    protected abstract String model();

    /** The optional capabilities the provider offers. */
    protected abstract Set<Feature> features();

    // ---- the provider's native upstream ---------------------------------------------------------------------------

    /** Matches the adapter's chat call, streamed or not (method, path and anything else that selects it). */
    protected abstract MappingBuilder chatCall(boolean stream);

    /** A 200 response with the native non-streamed body for {@code reply}. */
    protected abstract ResponseDefinitionBuilder chatResponse(UpstreamReply reply);

    /** The native stream for {@code reply}, including its end-of-stream marker. */
    protected abstract StreamTranscript streamTranscript(UpstreamReply reply);

    /**
     * The native error body (and its content type) the provider sends with {@code status}, carrying
     * {@code message}; the kit sets the status and any {@code Retry-After}.
     */
    protected abstract ResponseDefinitionBuilder errorResponse(int status, String message);

    /** Rows where the provider's statuses differ from {@link StatusTable#defaults()}. */
    protected StatusTable statusTable() {
        return StatusTable.defaults();
    }

    // ---- checks of what the adapter sent upstream ------------------------------------------------------------------

    /** {@link KitRequests#plain}: address, credential, model, the user text, streaming or not. */
    protected abstract void verifyPlainChat(SentRequest sent, boolean stream);

    /** {@link KitRequests#withSystem}: where and how {@link KitRequests#SYSTEM_TEXT} was put. */
    protected abstract void verifySystemPrompt(SentRequest sent);

    /** {@link KitRequests#multiTurn}: the three {@link KitRequests#TURNS} with their roles, in order. */
    protected abstract void verifyMultiTurn(SentRequest sent);

    /** {@link KitRequests#withTools}: both tools with their schemas, and the tool choice. */
    protected abstract void verifyToolsOffered(SentRequest sent);

    /** {@link KitRequests#toolResult}: the assistant's call and the result, tied by the call id. */
    protected abstract void verifyToolResult(SentRequest sent);

    /** {@link KitRequests#withImage}: the image part for {@code url} (a data or https URL). */
    protected abstract void verifyImage(SentRequest sent, String url);

    /** {@link KitRequests#jsonObject} or {@link KitRequests#jsonSchema}, for the features declared. */
    protected abstract void verifyJsonMode(SentRequest sent, ResponseFormat format);

    /** {@link KitRequests#withStop}: {@link KitRequests#STOP_SEQUENCE}. */
    protected abstract void verifyStopSequence(SentRequest sent);

    /** {@link KitRequests#withMaxTokens}: the cap of {@link KitRequests#MAX_TOKENS}. */
    protected abstract void verifyMaxTokens(SentRequest sent);

    // ---- lifecycle and helpers ------------------------------------------------------------------------------------

    @BeforeAll
    void startUpstream() {
        upstream = new WireMockServer(options().dynamicPort());
        upstream.start();
        clients = new ProviderHttpClients();
        adapter = createAdapter(clients);
        endpoint = endpoint("kit-" + adapter.type(), upstream.baseUrl(), Duration.ofSeconds(5));
    }

    @AfterEach
    void resetUpstream() {
        upstream.resetAll();
    }

    @AfterAll
    void stopUpstream() {
        clients.close();
        upstream.stop();
    }

    protected final ProviderAdapter adapter() {
        return adapter;
    }

    protected final ProviderEndpoint defaultEndpoint() {
        return endpoint;
    }

    /** An endpoint that gives up after {@link #SHORT_RESPONSE_TIMEOUT}; its own name gets it its own client. */
    protected final ProviderEndpoint impatientEndpoint() {
        return endpoint("kit-impatient-" + adapter.type(), upstream.baseUrl(), SHORT_RESPONSE_TIMEOUT);
    }

    protected final WireMockServer upstream() {
        return upstream;
    }

    protected final void stubChat(UpstreamReply reply) {
        upstream.stubFor(chatCall(false).willReturn(chatResponse(reply)));
    }

    protected final void stubStream(UpstreamReply reply) {
        StreamTranscript transcript = streamTranscript(reply);
        upstream.stubFor(chatCall(true).willReturn(streamResponse(transcript.contentType(), transcript.body())));
    }

    protected static ResponseDefinitionBuilder streamResponse(String contentType, byte[] body) {
        return aResponse().withStatus(200).withHeader("Content-Type", contentType).withBody(body);
    }

    /** The last request the adapter sent upstream. */
    protected final SentRequest lastRequest() {
        List<LoggedRequest> sent = upstream.findAll(anyRequestedFor(anyUrl()));
        assertThat(sent).as("requests sent upstream").isNotEmpty();
        return new SentRequest(sent.getLast());
    }

    protected final int requestsSent() {
        return upstream.findAll(anyRequestedFor(anyUrl())).size();
    }

    /** A non-streamed call with the checks every chat completion must pass. */
    protected final ChatResponse chat(ChatRequest request) {
        ChatResponse response = adapter.chat(endpoint, request).block(WAIT);
        assertThat(response).isNotNull();
        assertThat(response.object()).isEqualTo(ChatResponse.OBJECT);
        assertThat(response.id()).isNotBlank();
        assertThat(response.choices()).hasSize(1);
        assertThat(response.choices().getFirst().message().role()).isEqualTo("assistant");
        return response;
    }

    /** A streamed call, completed normally, with the checks every chunk stream must pass. */
    protected final StreamedAnswer stream(ChatRequest request) {
        List<ChatChunk> chunks = adapter.streamChat(endpoint, KitRequests.streamed(request)).collectList().block(WAIT);
        assertThat(chunks).isNotEmpty();
        assertThat(chunks).allSatisfy(chunk -> {
            assertThat(chunk.object()).isEqualTo(ChatChunk.OBJECT);
            assertThat(chunk.id()).isEqualTo(chunks.getFirst().id()).isNotBlank();
        });
        ChatChunk first = chunks.stream().filter(chunk -> !chunk.choices().isEmpty()).findFirst().orElseThrow();
        assertThat(first.choices().getFirst().delta().role()).as("role on the first delta").isEqualTo("assistant");
        StreamedAnswer answer = StreamedAnswer.of(chunks);
        assertThat(answer.finishReasons()).as("finish reasons").hasSize(1);
        return answer;
    }

    /** Expects {@code call} to fail with a {@link ProviderException} whose message leaks no credential. */
    protected final ProviderException failure(Mono<?> call) {
        ProviderException[] caught = new ProviderException[1];
        StepVerifier.create(call)
                .expectErrorSatisfies(error -> {
                    assertThat(error).isInstanceOf(ProviderException.class);
                    assertThat(error.getMessage()).isNotBlank().doesNotContain(endpoint.apiKey());
                    caught[0] = (ProviderException) error;
                })
                .verify(WAIT);
        return caught[0];
    }
}
