package ai.switchboard.routing.testsupport;

import ai.switchboard.providers.api.ChatChunk;
import ai.switchboard.providers.api.ChatRequest;
import ai.switchboard.providers.api.ChatResponse;
import ai.switchboard.providers.api.ProviderAdapter;
import ai.switchboard.providers.api.ProviderEndpoint;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * An adapter whose answers are scripted per upstream model id, in call order; the last script repeats. Counts
 * calls (subscriptions) and remembers the requests it saw.
 */
public final class ScriptedAdapter implements ProviderAdapter {

    private final Map<String, Deque<Mono<ChatResponse>>> chats = new ConcurrentHashMap<>();
    private final Map<String, Deque<Flux<ChatChunk>>> streams = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final List<ChatRequest> requests = java.util.Collections.synchronizedList(new ArrayList<>());

    @Override
    public String type() {
        return "scripted";
    }

    @SafeVarargs
    public final ScriptedAdapter chat(String upstreamModel, Mono<ChatResponse>... answers) {
        chats.put(upstreamModel, new ArrayDeque<>(List.of(answers)));
        return this;
    }

    @SafeVarargs
    public final ScriptedAdapter stream(String upstreamModel, Flux<ChatChunk>... answers) {
        streams.put(upstreamModel, new ArrayDeque<>(List.of(answers)));
        return this;
    }

    public int calls(String upstreamModel) {
        AtomicInteger count = calls.get(upstreamModel);
        return count == null ? 0 : count.get();
    }

    public List<ChatRequest> requests() {
        return List.copyOf(requests);
    }

    @Override
    public Mono<ChatResponse> chat(ProviderEndpoint endpoint, ChatRequest request) {
        return Mono.defer(() -> {
            count(request);
            return next(chats, request.model());
        });
    }

    @Override
    public Flux<ChatChunk> streamChat(ProviderEndpoint endpoint, ChatRequest request) {
        return Flux.defer(() -> {
            count(request);
            return next(streams, request.model());
        });
    }

    private void count(ChatRequest request) {
        requests.add(request);
        calls.computeIfAbsent(request.model(), model -> new AtomicInteger()).incrementAndGet();
    }

    private static <P> P next(Map<String, Deque<P>> scripts, String model) {
        Deque<P> script = scripts.get(model);
        if (script == null || script.isEmpty()) {
            throw new IllegalStateException("No script for " + model);
        }
        synchronized (script) {
            return script.size() > 1 ? script.removeFirst() : script.peekFirst();
        }
    }
}
