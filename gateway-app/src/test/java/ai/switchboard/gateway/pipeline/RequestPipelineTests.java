package ai.switchboard.gateway.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import ai.switchboard.gateway.api.error.ApiException;
import ai.switchboard.registry.ApiKeyRecord;
import ai.switchboard.registry.KeyScope;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class RequestPipelineTests {

    private static final ApiKeyRecord KEY = new ApiKeyRecord(UUID.randomUUID(), "app", "sk-sb-abcd", "hash",
            Set.of(KeyScope.INFERENCE), Set.of(), null, false);

    private final List<String> events = new CopyOnWriteArrayList<>();

    @Test
    void stagesEnterInOrderThenTheCallRunsThenEveryStageExitsOnceInOrder() {
        RequestPipeline pipeline = pipeline(new Recording("a"), new Recording("b"));
        RequestContext context = open(pipeline);

        StepVerifier.create(pipeline.single(context, c -> {
                    events.add("call");
                    return Mono.just("answer");
                }))
                .expectNext("answer")
                .verifyComplete();
        assertThat(context.isFinished()).as("answered but not yet written").isFalse();
        context.succeeded();
        context.failed(new IllegalStateException("late"));

        assertThat(events).containsExactly("enter a", "enter b", "call", "exit a 200", "exit b 200");
    }

    @Test
    void anAnswerWhoseWriteNeverHappenedEndsAsClientClosed() {
        RequestPipeline pipeline = pipeline(new Recording("a"));
        RequestContext context = open(pipeline);

        StepVerifier.create(pipeline.single(context, c -> Mono.just("answer")))
                .expectNext("answer")
                .verifyComplete();
        context.cancelled();
        context.succeeded();

        assertThat(events).containsExactly("enter a", "exit a 499");
    }

    @Test
    void aStageEndsTheRequestEarlyWithItsTypedErrorAndLaterStagesAndTheCallNeverRun() {
        RequestStage refusing = context -> {
            events.add("enter refusing");
            throw ApiException.invalidRequest("no", "model");
        };
        RequestPipeline pipeline = pipeline(new Recording("a"), refusing, new Recording("c"));
        RequestContext context = open(pipeline);

        StepVerifier.create(pipeline.single(context, c -> {
                    events.add("call");
                    return Mono.just("answer");
                }))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(ApiException.class))
                .verify();

        assertThat(events).containsExactly("enter a", "enter refusing", "exit a 400", "exit c 400");
    }

    @Test
    void aStageThatMustWaitDelaysTheCallWithoutBlocking() {
        RequestStage waiting = context -> Mono.delay(Duration.ofMillis(5)).doOnNext(t -> events.add("waited"))
                .then();
        RequestPipeline pipeline = pipeline(waiting, new Recording("b"));
        RequestContext context = open(pipeline);

        StepVerifier.create(pipeline.single(context, c -> {
                    events.add("call");
                    return Mono.just("answer");
                }))
                .expectNext("answer")
                .verifyComplete();
        context.succeeded();

        assertThat(events).containsExactly("waited", "enter b", "call", "exit b 200");
    }

    @Test
    void aRequestRefusedBeforeThePipelineStartedStillEndsThroughEveryExit() {
        RequestPipeline pipeline = pipeline(new Recording("a"));
        RequestContext context = open(pipeline);

        context.failed(ApiException.invalidRequest("bad JSON", null));

        assertThat(events).containsExactly("exit a 400");
    }

    @Test
    void aCancelledStreamEndsAsClientClosedAndAFailingExitDoesNotStopTheOthers() {
        RequestStage brokenExit = new RequestStage() {
            @Override
            public Mono<Void> enter(RequestContext context) {
                return Mono.empty();
            }

            @Override
            public void exit(RequestContext context, Outcome outcome) {
                throw new IllegalStateException("exit failed");
            }
        };
        RequestPipeline pipeline = pipeline(brokenExit, new Recording("b"));
        RequestContext context = open(pipeline);

        StepVerifier.create(pipeline.stream(context, c -> Flux.just(1, 2, 3)), 1)
                .expectNext(1)
                .thenCancel()
                .verify();

        assertThat(events).containsExactly("enter b", "exit b 499");
        assertThat(context.isFinished()).isTrue();
    }

    @Test
    void aClientThatHangsUpAfterTheWholeStreamWasHandedOverWasServed() {
        RequestPipeline pipeline = pipeline(new Recording("a"));
        RequestContext context = open(pipeline);

        StepVerifier.create(pipeline.stream(context, c -> Flux.just(1, 2, 3)))
                .expectNext(1, 2, 3)
                .verifyComplete();
        assertThat(context.isFinished()).as("handed over but the response's end not yet written").isFalse();
        // The client read the last event and closed the connection before the end of the response was written.
        context.cancelled();

        assertThat(events).containsExactly("enter a", "exit a 200");
    }

    @Test
    void anUpstreamFailureIsTheOutcomeEveryExitSees() {
        AtomicInteger exits = new AtomicInteger();
        RequestStage counting = new RequestStage() {
            @Override
            public Mono<Void> enter(RequestContext context) {
                return Mono.empty();
            }

            @Override
            public void exit(RequestContext context, Outcome outcome) {
                assertThat(outcome.isSuccess()).isFalse();
                assertThat(outcome.failure()).hasMessage("boom");
                exits.incrementAndGet();
            }
        };
        RequestPipeline pipeline = pipeline(counting);
        RequestContext context = open(pipeline);

        StepVerifier.create(pipeline.stream(context, c -> Flux.error(new IllegalStateException("boom"))))
                .expectError(IllegalStateException.class)
                .verify();

        assertThat(exits).hasValue(1);
    }

    private RequestPipeline pipeline(RequestStage... stages) {
        return new RequestPipeline(List.of(stages), Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
    }

    private static RequestContext open(RequestPipeline pipeline) {
        return pipeline.open("req_1", Api.CHAT, KEY, null, Set.of(), false);
    }

    private final class Recording implements RequestStage {
        private final String name;

        Recording(String name) {
            this.name = name;
        }

        @Override
        public Mono<Void> enter(RequestContext context) {
            events.add("enter " + name);
            return Mono.empty();
        }

        @Override
        public void exit(RequestContext context, Outcome outcome) {
            events.add("exit " + name + " " + outcome.status());
        }
    }
}
