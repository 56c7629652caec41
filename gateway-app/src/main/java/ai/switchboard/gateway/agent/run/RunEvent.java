package ai.switchboard.gateway.agent.run;

import tools.jackson.databind.JsonNode;

/** An event of {@code GET /v1/agents/runs/{id}/events}: a step, or the run as it ended. */
public record RunEvent(String name, JsonNode data) {

    public static final String STEP = "step";
    public static final String END = "run";

    static RunEvent step(JsonNode step) {
        return new RunEvent(STEP, step);
    }

    static RunEvent end(JsonNode run) {
        return new RunEvent(END, run);
    }
}
