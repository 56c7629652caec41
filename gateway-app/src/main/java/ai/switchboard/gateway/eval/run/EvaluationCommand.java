package ai.switchboard.gateway.eval.run;

import java.math.BigDecimal;
import java.util.List;

/**
 * What an administrator asks to run.
 *
 * @param dataset the dataset's id or name
 * @param targets the models or routes to answer its cases
 * @param keyId the inference key the calls are made as
 * @param concurrency cases in flight at once, or {@code null} for the default
 * @param costCapUsd no case starts once the run has spent this much, or {@code null} for no cap
 */
public record EvaluationCommand(String dataset, List<String> targets, String keyId, Integer concurrency,
        BigDecimal costCapUsd) {
}
