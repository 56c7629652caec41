package ai.switchboard.gateway.api.responses;

import static org.assertj.core.api.Assertions.assertThat;

import ai.switchboard.gateway.pipeline.Api;
import ai.switchboard.gateway.pipeline.Outcome;
import ai.switchboard.gateway.pipeline.RequestContext;
import ai.switchboard.gateway.pipeline.RequestPipeline;
import ai.switchboard.gateway.pipeline.RequestStage;
import ai.switchboard.registry.ApiKeyRecord;
import ai.switchboard.registry.KeyScope;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The stream's terminal event marks the answer sent before the client can have read it, so that a client that hangs
 * up on reading it (Codex) counts as served even while the upstream's stream has not ended yet.
 */
class ResponsesHandlerTests {

    private static final ApiKeyRecord KEY = new ApiKeyRecord(UUID.randomUUID(), "app", "sk-sb-abcd", "hash",
            Set.of(KeyScope.INFERENCE), Set.of(), null, false);

    private final List<Integer> endings = new CopyOnWriteArrayList<>();
    private final RequestPipeline pipeline = new RequestPipeline(List.of(new RequestStage() {
        @Override
        public Mono<Void> enter(RequestContext context) {
            return Mono.empty();
        }

        @Override
        public void exit(RequestContext context, Outcome outcome) {
            endings.add(outcome.status());
        }
    }), Clock.systemUTC());

    @Test
    void aClientThatHangsUpOnReadingResponseCompletedWasServed() {
        hangUpAfter("response.created", "response.output_text.delta", "response.completed");

        assertThat(endings).containsExactly(200);
    }

    @Test
    void anIncompleteResponseIsAWholeAnswerToo() {
        hangUpAfter("response.created", "response.incomplete");

        assertThat(endings).containsExactly(200);
    }

    @Test
    void aClientThatHangsUpBeforeTheTerminalEventWasNotServed() {
        hangUpAfter("response.created", "response.output_text.delta");

        assertThat(endings).containsExactly(499);
    }

    @Test
    void aFailedResponseIsNoAnswer() {
        hangUpAfter("response.created", "response.output_text.delta", "response.failed");

        assertThat(endings).containsExactly(499);
    }

    /** Streams events of {@code types} from an upstream that has not ended, then the client goes away. */
    private void hangUpAfter(String... types) {
        RequestContext context = pipeline.open("req_1", Api.RESPONSES, KEY, null, Set.of(), false);
        Flux<Object> upstream = Flux.fromArray(types)
                .map(type -> (Object) JsonNodeFactory.instance.objectNode().put("type", type))
                .concatWith(Flux.never());

        StepVerifier.create(ResponsesHandler.markingTheAnswer(upstream, context))
                .expectNextCount(types.length)
                .thenCancel()
                .verify();
        context.cancelled();
    }
}
