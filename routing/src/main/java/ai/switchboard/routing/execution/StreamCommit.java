package ai.switchboard.routing.execution;

import ai.switchboard.providers.api.ChatChunk;
import ai.switchboard.providers.api.ChatDelta;
import ai.switchboard.providers.api.ChunkChoice;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Which stream elements commit a stream to its upstream. Failover is allowed only before the first committing
 * element: an opening element (a role-only chat chunk, a Responses {@code response.created}, an Anthropic
 * {@code message_start}) says nothing the client could not get from the next candidate, so it must not end the
 * chance to fail over. {@link FailoverExecutor} holds each attempt's elements with {@link #holdUntilCommit}, so an
 * attempt counts as started (and is timed to its first token) at its first committing element.
 */
public final class StreamCommit {

    /** Upstream elements requested ahead; a chat stream's chunks are small. */
    private static final int PREFETCH = 32;

    private StreamCommit() {
    }

    /**
     * Whether a canonical chunk commits: it carries text, a refusal, reasoning or a tool call, a finish reason or
     * the usage that ends a stream.
     */
    public static boolean commits(ChatChunk chunk) {
        if (chunk.usage() != null) {
            return true;
        }
        for (ChunkChoice choice : chunk.choices()) {
            ChatDelta delta = choice.delta();
            if (choice.finishReason() != null || (delta != null && (nonEmpty(delta.content())
                    || nonEmpty(delta.refusal()) || (delta.toolCalls() != null && !delta.toolCalls().isEmpty())
                    || reasoning(delta.extra())))) {
                return true;
            }
        }
        return false;
    }

    /** Whether a legacy text-completion chunk (raw JSON) commits: text, a finish reason or usage. */
    public static boolean commitsCompletion(ObjectNode chunk) {
        if (chunk.get("usage") instanceof ObjectNode) {
            return true;
        }
        for (JsonNode choice : chunk.path("choices")) {
            if (!choice.path("text").asString("").isEmpty() || choice.path("finish_reason").isString()) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code elements} with those before the first committing one held back and released together with it. A failure
     * before it propagates and the held elements are dropped, as if the attempt never started; a stream that ends
     * without committing releases what it held. An upstream failure right after the commit waits until the released
     * elements have gone out ({@code concatMapDelayError} at the boundary), where {@code concatMapIterable} would drop
     * those not yet requested.
     */
    public static <T> Flux<T> holdUntilCommit(Flux<T> elements, Predicate<? super T> commits) {
        return Flux.defer(() -> {
            List<T> held = new ArrayList<>(2);
            boolean[] committed = new boolean[1];
            return elements.concatMapDelayError(element -> {
                if (committed[0]) {
                    return Mono.just(element);
                }
                held.add(element);
                if (!commits.test(element)) {
                    return Mono.<T>empty();
                }
                committed[0] = true;
                List<T> released = List.copyOf(held);
                held.clear();
                return Flux.fromIterable(released);
            }, false, PREFETCH).concatWith(Flux.defer(() -> committed[0] ? Flux.empty()
                    : Flux.fromIterable(List.copyOf(held))));
        });
    }

    /** Reasoning text as providers put it in a delta's extra fields ({@code reasoning_content} or {@code reasoning}). */
    private static boolean reasoning(Map<String, JsonNode> extra) {
        return nonEmpty(extra.get("reasoning_content")) || nonEmpty(extra.get("reasoning"));
    }

    private static boolean nonEmpty(JsonNode text) {
        return text != null && text.isString() && !text.asString().isEmpty();
    }

    private static boolean nonEmpty(String text) {
        return text != null && !text.isEmpty();
    }
}
