package ai.switchboard.providers.anthropic.internal.client;

import ai.switchboard.providers.anthropic.api.AnthropicError;
import ai.switchboard.providers.anthropic.api.AnthropicUsage;
import ai.switchboard.providers.anthropic.internal.mapper.AnthropicResponseMapper;
import ai.switchboard.providers.api.AnthropicMessagesAnswer;
import ai.switchboard.providers.api.AnthropicMessagesApi;
import ai.switchboard.providers.api.AnthropicMessagesCall;
import ai.switchboard.providers.api.AnthropicMessagesEvent;
import ai.switchboard.providers.api.ProviderEndpoint;
import ai.switchboard.providers.error.UpstreamErrors;
import ai.switchboard.providers.json.WireJson;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Anthropic's Messages API passed through: bodies, answers and events travel byte for byte, and the gateway only
 * reads what it needs: usage for accounting, and errors (an error body with status 200, an {@code error} event) to
 * classify them as every other call's. Stream events are checked as {@link AnthropicPassthroughStream} explains.
 */
public final class AnthropicPassthrough implements AnthropicMessagesApi {

    private final AnthropicClient client;

    public AnthropicPassthrough(AnthropicClient client) {
        this.client = client;
    }

    @Override
    public Mono<AnthropicMessagesAnswer> create(ProviderEndpoint endpoint, AnthropicMessagesCall call) {
        return client.passThrough(endpoint, call).handle((body, sink) -> {
            JsonNode type = body.get("type");
            if (body.has("error") || (type != null && "error".equals(type.asString(null)))) {
                sink.error(AnthropicErrors.fromErrorObject(endpoint, read(body.get("error"), AnthropicError.class)));
            }
            else if (type == null || !body.has("content")) {
                sink.error(UpstreamErrors.malformed(endpoint, "an answer that is not a message", null));
            }
            else {
                sink.next(new AnthropicMessagesAnswer(body,
                        AnthropicResponseMapper.usage(read(body.get("usage"), AnthropicUsage.class))));
            }
        });
    }

    @Override
    public Flux<AnthropicMessagesEvent> stream(ProviderEndpoint endpoint, AnthropicMessagesCall call) {
        return Flux.defer(() -> new AnthropicPassthroughStream(endpoint).events(
                client.streamPassThrough(endpoint, call)));
    }

    @Override
    public Mono<ObjectNode> countTokens(ProviderEndpoint endpoint, AnthropicMessagesCall call) {
        return client.countTokens(endpoint, call).handle((body, sink) -> {
            JsonNode tokens = body.get("input_tokens");
            if (tokens == null || !tokens.isIntegralNumber()) {
                sink.error(UpstreamErrors.malformed(endpoint, "a token count without input_tokens", null));
            }
            else {
                sink.next(body);
            }
        });
    }

    /** A member read leniently, as upstream answers are; a member that does not bind counts as absent. */
    private static <T> T read(JsonNode member, Class<T> type) {
        if (member == null || !member.isObject()) {
            return null;
        }
        try {
            return WireJson.mapper().treeToValue(member, type);
        }
        catch (JacksonException unreadable) {
            return null;
        }
    }
}
