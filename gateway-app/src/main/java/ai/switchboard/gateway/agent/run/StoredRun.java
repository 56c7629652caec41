package ai.switchboard.gateway.agent.run;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A stored run as its owner reads it.
 *
 * @param status {@code running} or how it ended ({@link ai.switchboard.tools.agent.AgentStatus#wire()})
 * @param answer the final answer in {@code chat.completion} shape, or {@code null}
 * @param steps each step's JSON ({@link ai.switchboard.gateway.agent.AgentStep#toJson()}), in order
 */
public record StoredRun(String id, String agent, UUID keyId, UUID teamId, String status, JsonNode answer,
        String error, Instant createdAt, Instant finishedAt, List<JsonNode> steps) {

    public static final String RUNNING = "running";

    public StoredRun {
        Objects.requireNonNull(id, "id");
        steps = steps == null ? List.of() : List.copyOf(steps);
    }

    public boolean running() {
        return RUNNING.equals(status);
    }

    /** The run's JSON, without its steps when {@code withSteps} is false. */
    public ObjectNode toJson(boolean withSteps) {
        ObjectNode json = JsonNodeFactory.instance.objectNode().put("id", id).put("object", "agent.run")
                .put("agent", agent).put("status", status).put("created_at", createdAt.getEpochSecond());
        if (finishedAt != null) {
            json.put("finished_at", finishedAt.getEpochSecond());
        }
        if (error != null) {
            json.put("error", error);
        }
        if (answer != null) {
            json.set("answer", answer);
        }
        if (withSteps) {
            json.putArray("steps").addAll(steps);
        }
        return json;
    }
}
