package ai.switchboard.providers.anthropic;

import ai.switchboard.providers.anthropic.internal.api.AnthropicResponse;
import ai.switchboard.providers.anthropic.internal.client.AnthropicClient;
import ai.switchboard.providers.anthropic.internal.client.AnthropicErrors;
import ai.switchboard.providers.anthropic.internal.client.AnthropicPassthrough;
import ai.switchboard.providers.anthropic.internal.client.AnthropicStreams;
import ai.switchboard.providers.anthropic.internal.mapper.AnthropicRequestMapper;
import ai.switchboard.providers.anthropic.internal.mapper.AnthropicResponseMapper;
import ai.switchboard.providers.api.AnthropicMessagesApi;
import ai.switchboard.providers.api.ChatChunk;
import ai.switchboard.providers.api.ChatRequest;
import ai.switchboard.providers.api.ChatResponse;
import ai.switchboard.providers.api.ProviderAdapter;
import ai.switchboard.providers.api.ProviderConfigCheck;
import ai.switchboard.providers.api.ProviderEndpoint;
import ai.switchboard.providers.error.UpstreamErrors;
import ai.switchboard.providers.http.ProviderHttpClients;
import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.Optional;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The Anthropic Messages API behind the OpenAI chat completions contract.
 *
 * <p>Endpoint configuration: {@code baseUrl} is the API root with or without {@code /v1}
 * (e.g. {@code https://api.anthropic.com}); the key is sent as {@code x-api-key}; extra headers (such as
 * {@code anthropic-beta}) are sent as given. Settings: {@code anthropic_version} (default {@code 2023-06-01}) and
 * {@code default_max_tokens} (default 4096), the output cap used when a client sends none, since Anthropic requires
 * one.
 *
 * <p>OpenAI features Anthropic lacks are refused with {@code UNSUPPORTED} naming the parameter ({@code n>1},
 * {@code logprobs}, {@code top_logprobs}, {@code response_format: json_object}, non-text non-image content parts)
 * rather than silently answered differently; see {@link AnthropicRequestMapper} for every rule. Embeddings and
 * legacy completions are not offered (the SPI's defaults answer {@code UNSUPPORTED}).
 *
 * <p>{@link #anthropicMessages()} offers the Messages API itself, for {@code /v1/messages} requests to pass through
 * untranslated (see {@link AnthropicPassthrough}).
 */
public class AnthropicAdapter implements ProviderAdapter {

    /** The provider type this adapter serves. */
    public static final String TYPE = "anthropic";

    /** Anthropic's API versions are dates; the value is sent as a header, so nothing else may pass. */
    private static final Pattern VERSION = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private final AnthropicClient client;
    private final Optional<AnthropicMessagesApi> passthrough;
    private final Clock clock;

    public AnthropicAdapter(ProviderHttpClients clients) {
        this(clients, Clock.systemUTC());
    }

    /** As above, with the clock that stamps {@code created} (Anthropic answers carry no timestamp). */
    public AnthropicAdapter(ProviderHttpClients clients, Clock clock) {
        this.client = new AnthropicClient(Objects.requireNonNull(clients, "clients"));
        this.passthrough = Optional.of(new AnthropicPassthrough(client));
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public String type() {
        return TYPE;
    }

    /** A query in the base URL is kept on every call (some proxies want one). */
    @Override
    public Map<String, String> check(URI baseUrl, Map<String, String> settings) {
        return ProviderConfigCheck.of(TYPE, baseUrl, settings)
                .reads(Set.of(AnthropicClient.VERSION_SETTING, AnthropicRequestMapper.DEFAULT_MAX_TOKENS_SETTING))
                .value(AnthropicClient.VERSION_SETTING, v -> VERSION.matcher(v.strip()).matches(),
                        "must be an Anthropic API version such as 2023-06-01")
                .value(AnthropicRequestMapper.DEFAULT_MAX_TOKENS_SETTING, AnthropicAdapter::positiveInteger,
                        "must be a positive integer")
                .problems();
    }

    private static boolean positiveInteger(String value) {
        try {
            return Integer.parseInt(value.strip()) >= 1;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    @Override
    public Mono<ChatResponse> chat(ProviderEndpoint endpoint, ChatRequest request) {
        // defer: a request the mapper refuses fails the Mono instead of throwing at assembly.
        return Mono.defer(() -> client.messages(endpoint, AnthropicRequestMapper.map(endpoint, request, false)))
                .handle((response, sink) -> {
                    if (response.error() != null || AnthropicResponse.ERROR.equals(response.type())) {
                        sink.error(AnthropicErrors.fromErrorObject(endpoint, response.error()));
                    }
                    else if (response.type() == null && response.content().isEmpty()) {
                        sink.error(UpstreamErrors.malformed(endpoint, "an answer that is not a message", null));
                    }
                    else {
                        sink.next(AnthropicResponseMapper.toChatResponse(response, clock.instant().getEpochSecond()));
                    }
                });
    }

    @Override
    public Flux<ChatChunk> streamChat(ProviderEndpoint endpoint, ChatRequest request) {
        return Flux.defer(() -> AnthropicStreams.chatChunks(endpoint, request.model(),
                clock.instant().getEpochSecond(),
                client.streamMessages(endpoint, AnthropicRequestMapper.map(endpoint, request, true))));
    }

    @Override
    public Optional<AnthropicMessagesApi> anthropicMessages() {
        return passthrough;
    }
}
