package ai.switchboard.tools.agent;

import ai.switchboard.providers.api.ChatResponse;
import java.util.Objects;

/**
 * What a run produced: the answer the client gets (the model's final one, or a short one saying why the run
 * stopped), in OpenAI's shape with an {@code agent_run} field the OpenAI SDKs ignore.
 *
 * @param steps the model calls made
 * @param toolCalls the tool calls run
 */
public record AgentRun(ChatResponse answer, AgentStatus status, int steps, int toolCalls) {

    public AgentRun {
        Objects.requireNonNull(answer, "answer");
        Objects.requireNonNull(status, "status");
    }
}
