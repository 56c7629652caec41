package ai.switchboard.providers.gemini;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okForContentType;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import ai.switchboard.providers.api.ErrorType;
import ai.switchboard.providers.api.ProviderAdapter;
import ai.switchboard.providers.api.ProviderEndpoint;
import ai.switchboard.providers.api.ProviderException;
import ai.switchboard.providers.api.ResponseFormat;
import ai.switchboard.providers.http.ProviderHttpClients;
import ai.switchboard.providers.json.WireJson;
import ai.switchboard.providers.testsupport.TestEndpoints;
import ai.switchboard.providers.testsupport.kit.Feature;
import ai.switchboard.providers.testsupport.kit.KitRequests;
import ai.switchboard.providers.testsupport.kit.ProviderAdapterContractKit;
import ai.switchboard.providers.testsupport.kit.SentRequest;
import ai.switchboard.providers.testsupport.kit.StatusRow;
import ai.switchboard.providers.testsupport.kit.StatusTable;
import ai.switchboard.providers.testsupport.kit.StreamTranscript;
import ai.switchboard.providers.testsupport.kit.UpstreamReply;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.net.URI;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The Gemini adapter against the contract kit, with native {@code GenerateContentResponse} bodies and
 * {@code alt=sse} transcripts rendered by {@link GeminiWireFixture}. Gemini does not fetch image URLs, so the kit
 * expects https images to be refused. Its statuses differ from the defaults in 402 (prepaid credits used up: a
 * quota that retrying will not clear) and 499 {@code CANCELLED} (not the gateway's doing: a transient upstream
 * fault); a bad key arrives as 400 {@code API_KEY_INVALID}, which a status row cannot express, so it has its own
 * test here.
 */
class GeminiAdapterContractIT extends ProviderAdapterContractKit {

    private static final String MODEL = "gemini-2.5-flash";
    private static final String GENERATE_PATH = "/v1beta/models/" + MODEL + ":generateContent";
    private static final String STREAM_PATH = "/v1beta/models/" + MODEL + ":streamGenerateContent";

    @Override
    protected ProviderAdapter createAdapter(ProviderHttpClients clients) {
        return new GeminiAdapter(clients);
    }

    @Override
    protected ProviderEndpoint endpoint(String name, String stubBaseUrl, Duration responseTimeout) {
        // The registry stores the API root; the adapter adds /v1beta/models/{model}:{method}.
        return new ProviderEndpoint(name, GeminiAdapter.TYPE, URI.create(stubBaseUrl), TestEndpoints.API_KEY,
                Map.of(), Duration.ofSeconds(2), responseTimeout, Map.of(), 1);
    }

    @Override
    protected String model() {
        return MODEL;
    }

    @Override
    protected Set<Feature> features() {
        return EnumSet.of(Feature.IMAGE_DATA_URL, Feature.JSON_OBJECT, Feature.JSON_SCHEMA);
    }

    @Override
    protected StatusTable statusTable() {
        return StatusTable.defaults()
                .with(StatusRow.of(402, ErrorType.QUOTA_EXCEEDED, 429))
                .with(StatusRow.of(499, ErrorType.UPSTREAM_SERVER_ERROR, 502));
    }

    @Override
    protected MappingBuilder chatCall(boolean stream) {
        return stream ? post(urlPathEqualTo(STREAM_PATH)).withQueryParam("alt", equalTo("sse"))
                : post(urlPathEqualTo(GENERATE_PATH));
    }

    @Override
    protected ResponseDefinitionBuilder chatResponse(UpstreamReply reply) {
        return okForContentType("application/json", GeminiWireFixture.responseBody(reply, MODEL));
    }

    @Override
    protected StreamTranscript streamTranscript(UpstreamReply reply) {
        return GeminiWireFixture.transcript(reply, MODEL);
    }

    @Override
    protected ResponseDefinitionBuilder errorResponse(int status, String message) {
        return aResponse().withHeader("Content-Type", "application/json")
                .withBody(GeminiWireFixture.errorBody(status, message, "7s"));
    }

    @Test
    void invalidApiKeyIsAnAuthenticationFailureThatLeaksNoKey() {
        ResponseDefinitionBuilder badKey = aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                .withBody(GeminiWireFixture.invalidApiKeyBody("API key not valid: " + TestEndpoints.API_KEY));
        upstream().stubFor(chatCall(false).willReturn(badKey));
        upstream().stubFor(chatCall(true).willReturn(badKey));

        for (var call : List.of(adapter().chat(defaultEndpoint(), KitRequests.plain(MODEL)),
                adapter().streamChat(defaultEndpoint(), KitRequests.streamed(KitRequests.plain(MODEL))).then())) {
            ProviderException error = failure(call);
            assertThat(error.type()).isEqualTo(ErrorType.AUTHENTICATION);
            assertThat(error.status()).isEqualTo(401);
            assertThat(error.upstreamStatus()).isEqualTo(400);
        }
    }

    @Test
    void rateLimitWithoutRetryAfterHeaderHonoursRetryInfo() {
        upstream().stubFor(chatCall(false).willReturn(errorResponse(429, "Quota exceeded").withStatus(429)
                .withBody(GeminiWireFixture.errorBody(429, "Quota exceeded", "2.500s"))));

        ProviderException error = failure(adapter().chat(defaultEndpoint(), KitRequests.plain(MODEL)));

        assertThat(error.type()).isEqualTo(ErrorType.RATE_LIMITED);
        assertThat(error.retryAfter()).isEqualTo(Duration.ofMillis(2500));
    }

    @Override
    protected void verifyPlainChat(SentRequest sent, boolean stream) {
        assertThat(sent.path()).isEqualTo(stream ? STREAM_PATH : GENERATE_PATH);
        assertThat(sent.query("alt")).isEqualTo(stream ? "sse" : null);
        assertThat(sent.query("key")).as("the key never travels in the URL").isNull();
        assertThat(sent.header("x-goog-api-key")).isEqualTo(TestEndpoints.API_KEY);
        assertThat(sent.header("Authorization")).isNull();
        JsonNode body = sent.json();
        assertThat(body.at("/contents/0/role").asString()).isEqualTo("user");
        assertThat(body.at("/contents/0/parts/0/text").asString()).isEqualTo(KitRequests.USER_TEXT);
        // Gemini rejects unknown fields: nothing OpenAI-shaped may be forwarded.
        for (String openAiField : List.of("model", "messages", "stream", "stream_options")) {
            assertThat(body.has(openAiField)).as(openAiField).isFalse();
        }
    }

    @Override
    protected void verifySystemPrompt(SentRequest sent) {
        JsonNode body = sent.json();
        assertThat(body.at("/systemInstruction/parts/0/text").asString()).isEqualTo(KitRequests.SYSTEM_TEXT);
        assertThat(body.path("contents").valueStream().map(content -> content.path("role").asString()))
                .containsExactly("user");
    }

    @Override
    protected void verifyMultiTurn(SentRequest sent) {
        JsonNode contents = sent.json().path("contents");
        assertThat(contents.valueStream().map(content -> content.path("role").asString()))
                .containsExactly("user", "model", "user");
        assertThat(contents.valueStream().map(content -> content.at("/parts/0/text").asString()))
                .containsExactlyElementsOf(KitRequests.TURNS);
    }

    @Override
    protected void verifyToolsOffered(SentRequest sent) {
        JsonNode body = sent.json();
        JsonNode declarations = body.at("/tools/0/functionDeclarations");
        assertThat(declarations.valueStream().map(declaration -> declaration.path("name").asString()))
                .containsExactly(KitRequests.TOOL_NAME, KitRequests.SECOND_TOOL_NAME);
        JsonNode offered = WireJson.mapper().valueToTree(KitRequests.withTools(MODEL).tools());
        for (int i = 0; i < offered.size(); i++) {
            assertThat(declarations.at("/" + i + "/description"))
                    .isEqualTo(offered.at("/" + i + "/function/description"));
            assertThat(declarations.at("/" + i + "/parametersJsonSchema"))
                    .isEqualTo(offered.at("/" + i + "/function/parameters"));
        }
        assertThat(body.at("/toolConfig/functionCallingConfig/mode").asString()).isEqualTo("AUTO");
    }

    @Override
    protected void verifyToolResult(SentRequest sent) {
        GeminiWireFixture.assertToolResultSent(sent.json(), KitRequests.TOOL_CALL_ID, KitRequests.TOOL_RESULT);
        JsonNode call = sent.json().at("/contents/1/parts/0/functionCall");
        assertThat(call.path("name").asString()).isEqualTo(KitRequests.TOOL_NAME);
        assertThat(call.path("args")).isEqualTo(WireJson.mapper().readTree(KitRequests.TOOL_ARGUMENTS));
    }

    @Override
    protected void verifyImage(SentRequest sent, String url) {
        JsonNode parts = sent.json().at("/contents/0/parts");
        assertThat(parts.at("/0/text").asString()).isEqualTo("What is in this image?");
        assertThat(parts.at("/1/inlineData/mimeType").asString()).isEqualTo("image/png");
        assertThat(parts.at("/1/inlineData/data").asString()).isEqualTo(url.substring(url.indexOf(',') + 1));
    }

    @Override
    protected void verifyJsonMode(SentRequest sent, ResponseFormat format) {
        JsonNode config = sent.json().path("generationConfig");
        assertThat(config.path("responseMimeType").asString()).isEqualTo("application/json");
        if (ResponseFormat.JSON_SCHEMA.equals(format.type())) {
            assertThat(config.path("responseJsonSchema")).isEqualTo(format.jsonSchema().get("schema"));
        }
        else {
            assertThat(config.has("responseJsonSchema")).isFalse();
        }
        assertThat(sent.json().has("response_format")).isFalse();
    }

    @Override
    protected void verifyStopSequence(SentRequest sent) {
        assertThat(sent.json().at("/generationConfig/stopSequences").valueStream().map(JsonNode::asString))
                .containsExactly(KitRequests.STOP_SEQUENCE);
    }

    @Override
    protected void verifyMaxTokens(SentRequest sent) {
        assertThat(sent.json().at("/generationConfig/maxOutputTokens").asInt()).isEqualTo(KitRequests.MAX_TOKENS);
    }
}
