package ai.switchboard.tools.agent;

import ai.switchboard.providers.api.ChatChoice;
import ai.switchboard.providers.api.ChatMessage;
import ai.switchboard.providers.api.ChatResponse;
import ai.switchboard.registry.AgentConfig;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The answer a client gets from a run, always in OpenAI's shape so an SDK reads it unchanged: the model's final
 * answer, or, when a limit stopped the run first, an assistant message saying so with {@code finish_reason}
 * {@code length}. Either carries {@code agent_run} ({@code name}, {@code status}, {@code steps},
 * {@code tool_calls}), which SDKs ignore and a client that wants the status reads.
 */
final class AgentAnswers {

    static final String FIELD = "agent_run";

    private AgentAnswers() {
    }

    static ChatResponse answered(AgentConfig agent, ChatResponse response, int steps, int toolCalls) {
        return withRun(response, agent, AgentStatus.COMPLETED, steps, toolCalls);
    }

    /** A run a limit stopped: the last model answer's id and model, when there was one. */
    static ChatResponse stopped(AgentConfig agent, ChatResponse last, AgentStatus status, int steps, int toolCalls,
            boolean ownCostLimit) {
        String text = "The agent '" + agent.name() + "' stopped before it had an answer: "
                + (status == AgentStatus.MAX_COST && !ownCostLimit
                        ? "the agent that delegated to it reached its cost limit" : reason(agent, status))
                + ".";
        ChatMessage message = new ChatMessage("assistant", JsonNodeFactory.instance.stringNode(text), null, null,
                null, null, null);
        ChatResponse response = new ChatResponse(
                last != null && last.id() != null ? last.id() : newId(),
                ChatResponse.OBJECT, Instant.now().getEpochSecond(), last != null ? last.model() : agent.modelName(),
                List.of(new ChatChoice(0, message, null, "length", null)), null, null, null);
        return withRun(response, agent, status, steps, toolCalls);
    }

    /** Not a UUID: its secure random source may block, and this runs on an event loop. */
    private static String newId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "chatcmpl-agent-" + Long.toHexString(random.nextLong()) + Long.toHexString(random.nextLong());
    }

    private static String reason(AgentConfig agent, AgentStatus status) {
        return switch (status) {
            case MAX_STEPS -> "it used all of its " + agent.maxSteps() + " steps";
            case MAX_COST -> "it spent its limit of " + agent.maxCostUsd().toPlainString() + " USD";
            case TIMEOUT -> "it ran out of its " + agent.timeout().toSeconds() + " seconds";
            case COMPLETED -> "it completed";
            case CANCELLED -> "it was cancelled";
            case FAILED -> "its answer did not match its response_format, even after a step asking for a fix";
            case INTERRUPTED -> "its gateway stopped";
        };
    }

    private static ChatResponse withRun(ChatResponse response, AgentConfig agent, AgentStatus status, int steps,
            int toolCalls) {
        ObjectNode run = JsonNodeFactory.instance.objectNode().put("name", agent.name()).put("status", status.wire())
                .put("steps", steps).put("tool_calls", toolCalls);
        Map<String, JsonNode> extra = new LinkedHashMap<>(response.extra());
        extra.put(FIELD, run);
        return new ChatResponse(response.id(), response.object(), response.created(), response.model(),
                response.choices(), response.usage(), response.systemFingerprint(), extra);
    }
}
