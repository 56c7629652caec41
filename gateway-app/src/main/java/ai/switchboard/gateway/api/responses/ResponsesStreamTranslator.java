package ai.switchboard.gateway.api.responses;

import ai.switchboard.gateway.api.responses.wire.ResponseError;
import ai.switchboard.gateway.api.responses.wire.ResponseObject;
import ai.switchboard.gateway.api.responses.wire.ResponsesEvent;
import ai.switchboard.providers.api.ChatChunk;
import ai.switchboard.providers.api.OrderedStreams;
import java.util.function.Function;
import reactor.core.publisher.Flux;

/**
 * Translates a canonical chunk stream to the Responses API's typed events, with fresh state for each subscription.
 *
 * <p>The stream is committed by its first content, not by its opening: {@code response.created} and
 * {@code response.in_progress} are held back until the upstream has produced something to show (text, a refusal,
 * reasoning or a tool call) and are then sent with it. Until then a failure propagates as an error, so the routing
 * engine can fail over and the client sees one clean stream from the next candidate (or an HTTP error). After
 * content has been sent, a failure ends the stream with {@code response.failed}, never with a clean completion.
 */
public final class ResponsesStreamTranslator {

    private ResponsesStreamTranslator() {
    }

    /**
     * The events for {@code chunks}.
     *
     * @param skeleton the in-progress response built from the request ({@link ResponseSkeleton})
     * @param names maps flattened function names back
     * @param errors how a failure after content is reported in {@code response.failed}
     */
    public static Flux<ResponsesEvent> translate(ResponseObject skeleton, ToolNames names, Flux<ChatChunk> chunks,
            Function<Throwable, ResponseError> errors) {
        return Flux.defer(() -> {
            ResponsesStreamState state = new ResponsesStreamState(skeleton, names);
            return OrderedStreams.flatten(chunks, state::onChunk)
                    .concatWith(Flux.defer(() -> Flux.fromIterable(state.finish())))
                    .onErrorResume(failure -> state.started()
                            ? Flux.fromIterable(state.fail(errors.apply(failure)))
                            : Flux.error(failure));
        });
    }
}
