package ai.switchboard.gateway.api.messages;

import ai.switchboard.gateway.api.messages.wire.MessagesEvent;
import ai.switchboard.gateway.api.messages.wire.PassedThroughEvent;
import ai.switchboard.gateway.pipeline.RequestContext;
import ai.switchboard.providers.ProviderAdapters;
import ai.switchboard.providers.api.AnthropicMessagesApi;
import ai.switchboard.providers.api.AnthropicMessagesCall;
import ai.switchboard.providers.api.ChatRequest;
import ai.switchboard.providers.api.ChatResponse;
import ai.switchboard.providers.api.ProviderAdapter;
import ai.switchboard.providers.api.ProviderException;
import ai.switchboard.routing.Deployment;
import ai.switchboard.routing.ResponseChunks;
import ai.switchboard.routing.Target;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * One checked {@code /v1/messages} request, ready for any deployment a route or model may pick: a deployment whose
 * adapter speaks the Messages API gets the client's body as sent (model id rewritten, the client's
 * {@code anthropic-version} and {@code anthropic-beta} forwarded), any other the canonical translation, whose answer
 * is translated back. The choice is made per attempt, so failover may cross from one kind to the other and the
 * client still sees one answer in one shape.
 */
final class MessagesCall {

    private final MessagesRequest request;
    private final AnthropicMessagesCall passThrough;
    private final MessagesTranslation translation;
    private final ProviderException untranslatable;
    private final ProviderAdapters adapters;

    private MessagesCall(MessagesRequest request, AnthropicMessagesCall passThrough, MessagesTranslation translation,
            ProviderException untranslatable, ProviderAdapters adapters) {
        this.request = request;
        this.passThrough = passThrough;
        this.translation = translation;
        this.untranslatable = untranslatable;
        this.adapters = adapters;
    }

    /**
     * The call for a request {@link MessagesRequestValidator} accepted. A request only Anthropic can serve (a file
     * by id, a document by URL) has no translation; it is refused when a deployment of another kind is tried.
     */
    static MessagesCall of(MessagesRequest request, HttpHeaders headers, ProviderAdapters adapters) {
        AnthropicMessagesCall passThrough = new AnthropicMessagesCall(request.toJson(),
                MessagesHeaders.version(headers), MessagesHeaders.betas(headers));
        try {
            return new MessagesCall(request, passThrough, MessagesToChat.translate(request), null, adapters);
        } catch (ProviderException untranslatable) {
            return new MessagesCall(request, passThrough, null, untranslatable, adapters);
        }
    }

    /**
     * The canonical request routing policies look at (and their sub-calls send). A request without a translation
     * can only be served by one Anthropic-type model named directly: a route's policies could not read it.
     */
    ChatRequest canonical(Target target) {
        if (translation != null) {
            return translation.chat();
        }
        if (target instanceof Target.Model(Deployment deployment) && nativeApi(deployment).isPresent()) {
            return new ChatRequest(request.model(), List.of(), null, null, null, null, null, null, null, null, null,
                    null, null, null, request.maxTokens(), null, null, null, null, null, Map.of());
        }
        throw untranslatable;
    }

    /** What the answer's translation needs. */
    ReplyOptions options() {
        return translation != null ? translation.reply() : ReplyOptions.of(request);
    }

    /**
     * Anthropic's own tools left out of the request {@code servedBy} got, for the client to be told; none when an
     * Anthropic upstream got the request whole.
     */
    List<String> droppedTools(Deployment servedBy) {
        if (translation == null || (servedBy != null && nativeApi(servedBy).isPresent())) {
            return List.of();
        }
        return translation.droppedTools();
    }

    /** One deployment's complete answer. */
    Mono<MessagesReply> create(Deployment deployment) {
        Optional<AnthropicMessagesApi> api = nativeApi(deployment);
        if (api.isPresent()) {
            return api.get().create(deployment.endpoint(), addressed(deployment))
                    .map(answer -> new MessagesReply(answer.body(), answer.usage()));
        }
        if (translation == null) {
            return Mono.error(untranslatable);
        }
        return adapter(deployment).chat(deployment.endpoint(), translation.chat().withModel(upstream(deployment)))
                .map(this::reply);
    }

    /** One deployment's stream, its usage reported to {@code context} as it comes. */
    Flux<MessagesEvent> stream(Deployment deployment, RequestContext context) {
        Optional<AnthropicMessagesApi> api = nativeApi(deployment);
        if (api.isPresent()) {
            return api.get().stream(deployment.endpoint(), addressed(deployment))
                    .doOnNext(event -> context.usage(event.usage()))
                    .map(PassedThroughEvent::new);
        }
        if (translation == null) {
            return Flux.error(untranslatable);
        }
        ChatRequest chat = translation.chat().withStreamUsage().withModel(upstream(deployment));
        return MessagesStreams.translate(adapter(deployment).streamChat(deployment.endpoint(), chat)
                .doOnNext(chunk -> context.usage(chunk.usage())), translation.reply());
    }

    /** The upstream's own token count, for a deployment that has one. */
    Optional<Mono<Object>> countTokens(Deployment deployment) {
        return nativeApi(deployment).map(api -> api.countTokens(deployment.endpoint(), addressed(deployment))
                .map(Object.class::cast));
    }

    /** A canonical answer a composite policy settled on, as a Messages answer. */
    MessagesReply reply(ChatResponse response) {
        return new MessagesReply(ChatToMessages.translate(response, options()), response.usage());
    }

    /** A canonical answer a composite policy settled on, as a Messages stream. */
    Flux<MessagesEvent> replay(ChatResponse response) {
        return MessagesStreams.translate(ResponseChunks.of(response), options());
    }

    private AnthropicMessagesCall addressed(Deployment deployment) {
        return passThrough.withModel(upstream(deployment));
    }

    private Optional<AnthropicMessagesApi> nativeApi(Deployment deployment) {
        return adapter(deployment).anthropicMessages();
    }

    private ProviderAdapter adapter(Deployment deployment) {
        return adapters.forType(deployment.providerType());
    }

    private static String upstream(Deployment deployment) {
        return deployment.model().upstreamModel();
    }
}
