package ai.switchboard.providers.api;

import java.util.function.Function;
import reactor.core.publisher.Flux;

/**
 * Stream operators that keep every element that was produced before a failure. Reactor's {@code concatMapIterable}
 * drops the rest of the iterable it is emitting when its source fails (the error is not delayed), so with a slow
 * reader an upstream failure could overtake text that was already translated: a client would see the error without
 * the content before it, or a stream that failed after content would look like one that failed before it.
 */
public final class OrderedStreams {

    /** Elements fetched ahead of the current one; as small as Reactor's own default for a concat. */
    private static final int PREFETCH = 32;

    private OrderedStreams() {
    }

    /**
     * Each source element's iterable, in order, as {@code concatMapIterable} does, except that a failure of the source
     * is signalled only after every element mapped before it has been emitted.
     */
    public static <T, R> Flux<R> flatten(Flux<T> source, Function<? super T, ? extends Iterable<? extends R>> mapper) {
        return source.concatMapDelayError(element -> Flux.fromIterable(mapper.apply(element)), PREFETCH);
    }
}
