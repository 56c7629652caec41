package ai.switchboard.registry.declarative;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Set;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A response-cache policy in the declarative file: on the key, model or route named {@code target}
 * ({@code target_type}). A key is named by its live key's name. Settings left out take their defaults on create and
 * are kept on update.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CachePolicyEntry(
        String targetType,
        String target,
        Boolean enabled,
        Integer ttlSeconds,
        Integer maxEntryBytes,
        Boolean sharedAcrossTeams,
        Boolean deterministicOnly,
        String mode,
        String embeddingModel,
        Double similarityThreshold,
        Integer contextTurns) {

    static final Set<String> FIELDS = Set.of("target_type", "target", "enabled", "ttl_seconds", "max_entry_bytes",
            "shared_across_teams", "deterministic_only", "mode", "embedding_model", "similarity_threshold",
            "context_turns");
}
