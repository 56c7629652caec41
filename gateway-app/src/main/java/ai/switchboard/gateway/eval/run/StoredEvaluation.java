package ai.switchboard.gateway.eval.run;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * An evaluation row as stored: what was asked, and where it is.
 *
 * @param candidate a promotion gate's route change ({@code {"route", "change"}}), or {@code null}
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record StoredEvaluation(String id, UUID datasetId, String dataset, int lastSeq, UUID keyId,
        List<String> targets, JsonNode candidate, int concurrency, BigDecimal costCapUsd, BigDecimal spentUsd, String status,
        String error, String createdBy, Instant createdAt, Instant finishedAt) {

    public static final String RUNNING = "running";
    public static final String COMPLETED = "completed";
    public static final String COST_CAPPED = "cost_capped";
    public static final String CANCELLED = "cancelled";
    public static final String FAILED = "failed";

    public StoredEvaluation {
        targets = List.copyOf(targets);
    }

    public boolean running() {
        return RUNNING.equals(status);
    }
}
