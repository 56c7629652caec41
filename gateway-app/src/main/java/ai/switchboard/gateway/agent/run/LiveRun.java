package ai.switchboard.gateway.agent.run;

import ai.switchboard.gateway.agent.AgentStep;
import ai.switchboard.tools.agent.ModelCall;
import ai.switchboard.tools.agent.RunObserver;
import ai.switchboard.tools.agent.ToolCallStep;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;
import tools.jackson.databind.JsonNode;

/**
 * A run going on in this replica: its steps as they happen (kept for late readers of its events), and its database
 * writes, one after another in the order they were made (a step before the run's end), on the runs' scheduler.
 */
final class LiveRun implements RunObserver {

    private static final Logger log = LoggerFactory.getLogger(LiveRun.class);

    private final String id;
    private final AtomicInteger seq = new AtomicInteger();
    private final Sinks.Many<JsonNode> steps = Sinks.many().replay().all();
    private final Sinks.Many<Runnable> writes = Sinks.many().unicast().onBackpressureBuffer();
    private final BiConsumer<Integer, JsonNode> store;
    private volatile Disposable execution;

    /** @param store writes step {@code seq} of the run (blocking; called on {@code scheduler}) */
    LiveRun(String id, Scheduler scheduler, BiConsumer<Integer, JsonNode> store) {
        this.id = id;
        this.store = store;
        writes.asFlux().concatMap(write -> Mono.fromRunnable(write).subscribeOn(scheduler)
                        .onErrorResume(failure -> {
                            log.warn("Agent run {}: a database write failed: {}", id, failure.toString());
                            return Mono.empty();
                        }))
                .subscribe();
    }

    String id() {
        return id;
    }

    void execution(Disposable running) {
        this.execution = running;
    }

    /** Stops the run: the model or tool call in flight is cancelled. */
    void stop() {
        Disposable running = execution;
        if (running != null) {
            running.dispose();
        }
    }

    /** Every step so far, then the ones to come, until the run has ended and its end is stored. */
    Flux<JsonNode> steps() {
        return steps.asFlux();
    }

    @Override
    public void modelCalled(ModelCall call) {
        step(AgentStep.of(call).toJson());
    }

    @Override
    public void toolCalled(ToolCallStep call) {
        step(AgentStep.of(call).toJson());
    }

    /** Queues a write, after every write queued before it. */
    synchronized void write(Runnable write) {
        writes.tryEmitNext(write);
    }

    /** Queues the run's end; once written, readers of its steps see them end. */
    synchronized void end(Runnable write, Consumer<LiveRun> ended) {
        writes.tryEmitNext(() -> {
            try {
                write.run();
            } finally {
                steps.tryEmitComplete();
                ended.accept(this);
            }
        });
        writes.tryEmitComplete();
    }

    private synchronized void step(JsonNode json) {
        int number = seq.incrementAndGet();
        steps.tryEmitNext(json);
        writes.tryEmitNext(() -> store.accept(number, json));
    }
}
