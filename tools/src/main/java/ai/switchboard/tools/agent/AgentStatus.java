package ai.switchboard.tools.agent;

/** How an agent run ended: with an answer, or stopped by one of its limits before it had one. */
public enum AgentStatus {

    /** The model answered without calling a tool. */
    COMPLETED("completed"),
    /** The model still called tools when the run had used its {@code max_steps} model calls. */
    MAX_STEPS("max_steps"),
    /** The run had spent its {@code max_cost_usd} and the model still called tools. */
    MAX_COST("max_cost"),
    /** The run took its whole {@code timeout_seconds}; the call in flight was cancelled. */
    TIMEOUT("timeout"),
    /** The run was cancelled: its client went away, or someone cancelled a stored run. */
    CANCELLED("cancelled"),
    /** The run could not go on: every candidate of a model call failed, or the answer broke its schema. */
    FAILED("failed"),
    /** A stored run that was still going when its gateway stopped or crashed. */
    INTERRUPTED("interrupted");

    private final String wire;

    AgentStatus(String wire) {
        this.wire = wire;
    }

    /** The value clients read (a response field and header) and metrics are tagged with. */
    public String wire() {
        return wire;
    }
}
