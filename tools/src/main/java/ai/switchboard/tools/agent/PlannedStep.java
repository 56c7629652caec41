package ai.switchboard.tools.agent;

import ai.switchboard.providers.api.ChatResponse;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * One model call of a run, as the planner made it.
 *
 * @param cost what the call cost in USD, or {@code null} when its model has no price (counted as nothing)
 */
public record PlannedStep(ChatResponse response, BigDecimal cost) {

    public PlannedStep {
        Objects.requireNonNull(response, "response");
    }
}
