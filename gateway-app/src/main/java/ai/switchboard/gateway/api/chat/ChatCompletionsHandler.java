package ai.switchboard.gateway.api.chat;

import ai.switchboard.gateway.agent.AgentRunner;
import ai.switchboard.gateway.agent.AgentStreams;
import ai.switchboard.gateway.api.support.Answers;
import ai.switchboard.gateway.api.support.ApiProperties;
import ai.switchboard.gateway.api.support.JsonBodies;
import ai.switchboard.gateway.cache.CachedAnswers;
import ai.switchboard.gateway.pipeline.Api;
import ai.switchboard.gateway.pipeline.ExchangeContexts;
import ai.switchboard.gateway.pipeline.RequestContext;
import ai.switchboard.gateway.pipeline.RequestPipeline;
import ai.switchboard.providers.api.ChatChunk;
import ai.switchboard.providers.api.ChatRequest;
import ai.switchboard.providers.api.ChatResponse;
import ai.switchboard.registry.AgentConfig;
import ai.switchboard.routing.RouteEngine;
import ai.switchboard.routing.policy.PromptTokens;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code POST /v1/chat/completions}, as JSON or as a server-sent event stream, for a model or a route: reads and
 * checks OpenAI's request, runs it through the {@link RequestPipeline}, whose call is the {@link RouteEngine}
 * (policies, retries, circuit breakers, failover), and writes OpenAI's answer. For an agent
 * ({@code agent:<name>}) the call is the agent's run, each step of which is such a call; streamed, its steps come
 * as progress events ({@link AgentStreams}).
 */
@Component
public class ChatCompletionsHandler {

    private final JsonBodies bodies;
    private final ExchangeContexts contexts;
    private final RequestPipeline pipeline;
    private final RouteEngine engine;
    private final AgentRunner agents;
    private final AgentStreams agentStreams;
    private final long maxRequestBytes;

    public ChatCompletionsHandler(JsonBodies bodies, ExchangeContexts contexts, RequestPipeline pipeline,
            RouteEngine engine, AgentRunner agents, AgentStreams agentStreams, ApiProperties properties) {
        this.bodies = bodies;
        this.contexts = contexts;
        this.pipeline = pipeline;
        this.engine = engine;
        this.agents = agents;
        this.agentStreams = agentStreams;
        this.maxRequestBytes = properties.maxRequestSize().toBytes();
    }

    public Mono<ServerResponse> handle(ServerRequest request) {
        RequestContext context = contexts.open(request, Api.CHAT);
        return bodies.read(request, ChatRequest.class)
                .flatMap(chat -> {
                    context.request(chat.model(), chat.isStream());
                    ChatRequestValidator.validate(chat);
                    if (AgentConfig.isAgentModel(chat.model())) {
                        // Never cached: an agent's answer comes from tools that run, and may act, on every request.
                        AgentRequestRules.check(chat);
                    } else {
                        context.cacheable(chat);
                    }
                    context.costHints(() -> PromptTokens.estimate(chat), chat.outputTokenLimit(),
                            chat.n() == null ? 1 : chat.n());
                    return chat.isStream() ? stream(context, chat) : complete(context, chat);
                })
                .doOnError(context::failed)
                .doOnCancel(context::cancelled);
    }

    private Mono<ServerResponse> complete(RequestContext context, ChatRequest chat) {
        return pipeline.single(context, resolved -> resolved.agent() != null ? agents.run(resolved, chat)
                        : CachedAnswers.single(resolved, ChatResponse.class, () -> engine.chat(resolved.routeCall(chat))
                                .doOnNext(response -> resolved.usage(response.usage()))))
                .flatMap(response -> Answers.json(context, response));
    }

    private Mono<ServerResponse> stream(RequestContext context, ChatRequest chat) {
        // The gateway always asks for usage, for accounting; a client that did not ask never sees the usage chunk.
        ChatRequest upstream = chat.withStreamUsage();
        boolean clientWantsUsage = chat.includeUsage();
        Flux<Object> chunks = pipeline.stream(context, resolved -> {
            if (resolved.agent() != null) {
                return agentStreams.stream(resolved, chat, clientWantsUsage);
            }
            Flux<ChatChunk> answer = CachedAnswers.chatStream(resolved,
                    () -> engine.stream(resolved.routeCall(upstream))
                            .doOnNext(chunk -> resolved.usage(chunk.usage())))
                    .doOnNext(chunk -> resolved.firstToken());
            return clientWantsUsage ? answer.cast(Object.class) : answer
                    .filter(chunk -> !chunk.choices().isEmpty() || chunk.usage() == null)
                    .map(chunk -> (Object) chunk.withoutUsage());
        });
        return Answers.stream(context, chunks, maxRequestBytes);
    }
}
