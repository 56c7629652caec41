package ai.switchboard.observability.usage;

import java.util.Objects;

/**
 * The agent a ledger row's tokens were spent for: {@code usage_ledger.agent} and {@code agent_run_id}.
 *
 * @param runId the stored run ({@code /v1/agents/runs/{id}}), or {@code null} for a run through chat completions
 */
public record AgentUsage(String name, String runId) {

    public AgentUsage {
        Objects.requireNonNull(name, "name");
    }
}
