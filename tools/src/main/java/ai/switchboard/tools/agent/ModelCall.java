package ai.switchboard.tools.agent;

import ai.switchboard.providers.api.ChatResponse;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;

/**
 * One model call of a run, once answered.
 *
 * @param step the step it was, from 1
 * @param cost USD, or {@code null} when the serving model has no price
 * @param latency from the call to its answer, retries and failover included
 */
public record ModelCall(int step, ChatResponse response, BigDecimal cost, Duration latency) {

    public ModelCall {
        Objects.requireNonNull(response, "response");
        Objects.requireNonNull(latency, "latency");
    }
}
