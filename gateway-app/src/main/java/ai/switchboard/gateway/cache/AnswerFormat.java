package ai.switchboard.gateway.cache;

import reactor.core.publisher.Flux;

/**
 * How one API's answers are stored and told again, for a wire format the cache package does not know: the handler
 * of that API supplies it to {@link CachedAnswers}. A stored answer is always the whole answer as JSON, so that one
 * entry serves the same request asked as JSON or as a stream.
 *
 * @param <A> the complete answer the handler writes
 * @param <E> one event of the handler's stream
 */
public interface AnswerFormat<A, E> {

    /** The answer's JSON to store, or {@code null} when it must not be stored (cut, refused, failed). */
    byte[] storable(A answer);

    /** A stored answer, as this request's answer. */
    A read(byte[] stored);

    /** A stored answer, as this request's stream: the same event sequence the API streams when the model answers. */
    Flux<E> replay(byte[] stored);

    /** A fresh recorder for one miss's stream. */
    Recorder<E> recorder();

    /** Puts one stream's events back together as the whole answer they amount to. */
    interface Recorder<E> {

        void add(E event);

        /** The whole answer's JSON to store, or {@code null} when the stream did not complete one storable. */
        byte[] whole();
    }
}
