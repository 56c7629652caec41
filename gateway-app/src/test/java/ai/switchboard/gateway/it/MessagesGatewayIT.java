package ai.switchboard.gateway.it;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import ai.switchboard.gateway.it.flavour.ProviderFlavour;
import ai.switchboard.gateway.it.flavour.ProviderFlavours;
import ai.switchboard.providers.testsupport.kit.StreamTranscript;
import ai.switchboard.providers.testsupport.kit.UpstreamUsage;
import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.core.JsonValue;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.RawMessageStreamEvent;
import com.anthropic.models.messages.Tool;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What the Messages API's integration tests share: an Anthropic SDK client of the running gateway, providers of every
 * type registered against their own native stubs, and the stubs' native calls.
 */
abstract class MessagesGatewayIT extends GatewayIT {

    static final UpstreamUsage USAGE = new UpstreamUsage(30, 7, 0);

    /** Every provider type the gateway serves: Anthropic's passed through, all the others translated. */
    static Stream<ProviderFlavour> flavours() {
        return ProviderFlavours.all().stream();
    }

    static Stream<org.junit.jupiter.params.provider.Arguments> flavoursWithOpeningFrames() {
        // Frames before the first content: OpenAI's role chunk; Anthropic's message_start, ping and empty text block.
        return Stream.of(org.junit.jupiter.params.provider.Arguments.of(flavour("openai"), 1),
                org.junit.jupiter.params.provider.Arguments.of(flavour("anthropic"), 3));
    }

    Gateway register(ProviderFlavour flavour) {
        String prefix = unique("msg-" + flavour.type());
        fixtures.provider(Map.of("name", prefix + "-p", "type", flavour.type(),
                "base_url", flavour.baseUrl(UPSTREAM.baseUrl(), prefix), "api_key", flavour.apiKey(),
                "settings", flavour.settings()));
        fixtures.model(prefix + "-m", prefix + "-p", flavour.upstreamModel(), "chat", "streaming", "tools");
        String key = fixtures.key(prefix + "-k", prefix + "-m");
        return new Gateway(prefix, prefix + "-m", key, client(key));
    }

    AnthropicClient client(String key) {
        return AnthropicOkHttpClient.builder().baseUrl("http://localhost:" + port).apiKey(key).maxRetries(0)
                .timeout(Duration.ofSeconds(20)).build();
    }

    /**
     * The native call under {@code prefix}; an Anthropic upstream is matched on its path alone, since a passed-through
     * call carries the client's own {@code anthropic-version}.
     */
    static MappingBuilder call(ProviderFlavour flavour, String prefix, boolean stream) {
        if (!flavour.type().equals("anthropic")) {
            return flavour.chatCall(prefix, stream);
        }
        MappingBuilder call = post(urlPathEqualTo("/" + prefix + "/v1/messages"))
                .withHeader("x-api-key", equalTo(flavour.apiKey()));
        return stream ? call.withRequestBody(matchingJsonPath("$.stream", equalTo("true")))
                : call.withRequestBody(notContaining("\"stream\":true"));
    }

    static List<LoggedRequest> sent(Gateway gateway) {
        return UPSTREAM.findAll(anyRequestedFor(urlPathMatching("/" + gateway.prefix() + "/.*")));
    }

    static ProviderFlavour flavour(String type) {
        return ProviderFlavours.all().stream().filter(flavour -> flavour.type().equals(type)).findFirst()
                .orElseThrow();
    }

    static byte[] frames(StreamTranscript transcript, int count) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        transcript.frames().subList(0, count).forEach(body::writeBytes);
        return body.toByteArray();
    }

    static MessageCreateParams.Builder params(String model) {
        return MessageCreateParams.builder().model(model).maxTokens(1024).addUserMessage("Hi");
    }

    static Tool weatherTool() {
        return Tool.builder().name("get_weather").description("Current weather in a city")
                .inputSchema(Tool.InputSchema.builder()
                        .properties(Tool.InputSchema.Properties.builder()
                                .putAdditionalProperty("city", JsonValue.from(Map.of("type", "string"))).build())
                        .required(List.of("city")).build())
                .build();
    }

    static String type(RawMessageStreamEvent event) {
        return event.isMessageStart() ? "message_start" : event.isContentBlockStart() ? "content_block_start"
                : event.isContentBlockDelta() ? "content_block_delta" : event.isContentBlockStop()
                ? "content_block_stop" : event.isMessageDelta() ? "message_delta" : "message_stop";
    }

    record Gateway(String prefix, String model, String key, AnthropicClient client) {
    }
}
