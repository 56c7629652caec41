package ai.switchboard.gateway.agent;

import ai.switchboard.gateway.api.support.CommentEvent;
import ai.switchboard.gateway.pipeline.RequestContext;
import ai.switchboard.providers.api.ChatChoice;
import ai.switchboard.providers.api.ChatChunk;
import ai.switchboard.providers.api.ChatDelta;
import ai.switchboard.providers.api.ChatRequest;
import ai.switchboard.providers.api.ChatResponse;
import ai.switchboard.providers.api.ChunkChoice;
import ai.switchboard.tools.agent.AgentRun;
import ai.switchboard.tools.agent.ModelCall;
import ai.switchboard.tools.agent.RunObserver;
import ai.switchboard.tools.agent.ToolCallStep;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;
import tools.jackson.databind.JsonNode;

/**
 * A run as a chat completion stream: each step, as it ends, is an SSE comment line
 * {@code : switchboard.agent.step {json}} (every SSE parser, so every OpenAI SDK, drops comments), then the answer comes as {@code chat.completion.chunk} events: the role, the content, the finish
 * reason with {@code agent_run}, and usage when the client asked for it. The answer is the last model call's, and a
 * step is known to be the last only once it has answered, so it is sent when that call ends, not token by token.
 * The client going away disposes the run, which cancels the model or tool call in flight.
 */
@Component
public class AgentStreams {

    /** The label of progress comments. */
    public static final String STEP_EVENT = "switchboard.agent.step";

    private final AgentRunner runner;

    public AgentStreams(AgentRunner runner) {
        this.runner = runner;
    }

    /** The events of a run for {@code client}, which asked to stream; {@code includeUsage} as it asked. */
    public Flux<Object> stream(RequestContext context, ChatRequest client, boolean includeUsage) {
        // Flux.create's sink is serialized: parallel tool calls may end on different threads at once.
        return Flux.create(sink -> {
            Disposable run = runner.execute(context, client, progress(sink)).subscribe(
                    done -> {
                        answer(done, includeUsage).forEach(sink::next);
                        sink.complete();
                    },
                    sink::error);
            sink.onDispose(run);
        });
    }

    private static RunObserver progress(FluxSink<Object> sink) {
        return new RunObserver() {
            @Override
            public void modelCalled(ModelCall call) {
                sink.next(new CommentEvent(STEP_EVENT, AgentStep.of(call).toJson()));
            }

            @Override
            public void toolCalled(ToolCallStep call) {
                sink.next(new CommentEvent(STEP_EVENT, AgentStep.of(call).toJson()));
            }
        };
    }

    /** The answer as OpenAI chunks, with the final answer's id, model and creation time. */
    static List<Object> answer(AgentRun run, boolean includeUsage) {
        ChatResponse answer = run.answer();
        ChatChoice choice = answer.choices().isEmpty() ? null : answer.choices().get(0);
        String text = choice == null || choice.message() == null ? null : choice.message().text();
        String finish = choice == null || choice.finishReason() == null ? "stop" : choice.finishReason();
        List<Object> chunks = new ArrayList<>(4);
        chunks.add(chunk(answer, new ChatDelta("assistant", "", null, null, null), null, Map.of()));
        if (text != null && !text.isEmpty()) {
            chunks.add(chunk(answer, new ChatDelta(null, text, null, null, null), null, Map.of()));
        }
        chunks.add(chunk(answer, new ChatDelta(null, null, null, null, null), finish, answer.extra()));
        if (includeUsage && answer.usage() != null) {
            chunks.add(ChatChunk.usageChunk(answer.id(), answer.created() == null ? 0 : answer.created(), answer.model(), answer.usage()));
        }
        return chunks;
    }

    private static ChatChunk chunk(ChatResponse answer, ChatDelta delta, String finish,
            Map<String, JsonNode> extra) {
        return new ChatChunk(answer.id(), ChatChunk.OBJECT, answer.created(), answer.model(),
                List.of(new ChunkChoice(0, delta, null, finish, null)), null, answer.systemFingerprint(), extra);
    }
}
