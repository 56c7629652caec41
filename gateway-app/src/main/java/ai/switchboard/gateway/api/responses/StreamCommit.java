package ai.switchboard.gateway.api.responses;

import ai.switchboard.providers.api.ChatChunk;
import ai.switchboard.providers.api.ChatDelta;
import ai.switchboard.providers.api.ChunkChoice;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import reactor.core.publisher.Flux;
import tools.jackson.databind.node.ObjectNode;

/**
 * Which stream elements commit a stream to its upstream. Failover is allowed only before the first committing
 * element: an opening element (a role-only chat chunk, a Responses {@code response.created} or
 * {@code response.in_progress}) says nothing the client could not get from the next candidate, so it must not end
 * the chance to fail over. The routing engine decides failover per attempt; it should hold each attempt's elements
 * with {@link #holdUntilCommit} and count an attempt as started at its first committing element.
 */
public final class StreamCommit {

    private static final Set<String> OPENING_EVENTS = Set.of("response.created", "response.in_progress",
            "response.queued");

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
                    || ResponsesResponseTranslator.reasoningText(delta.extra()) != null))) {
                return true;
            }
        }
        return false;
    }

    /** Whether a native Responses event commits: anything but the opening events. */
    public static boolean commits(ObjectNode event) {
        return !OPENING_EVENTS.contains(event.path("type").asString(""));
    }

    /**
     * {@code elements} with those before the first committing one held back and released together with it. A failure
     * before it propagates and the held elements are dropped, as if the attempt never started; a stream that ends
     * without committing releases what it held.
     */
    public static <T> Flux<T> holdUntilCommit(Flux<T> elements, Predicate<? super T> commits) {
        return Flux.defer(() -> {
            List<T> held = new ArrayList<>(2);
            boolean[] committed = new boolean[1];
            return elements.concatMapIterable(element -> {
                if (committed[0]) {
                    return List.of(element);
                }
                held.add(element);
                if (!commits.test(element)) {
                    return List.of();
                }
                committed[0] = true;
                List<T> released = List.copyOf(held);
                held.clear();
                return released;
            }).concatWith(Flux.defer(() -> committed[0] ? Flux.empty() : Flux.fromIterable(List.copyOf(held))));
        });
    }

    private static boolean nonEmpty(String text) {
        return text != null && !text.isEmpty();
    }
}
