package ai.switchboard.gateway.admin;

import ai.switchboard.registry.admin.FieldErrors;
import ai.switchboard.registry.cache.CachePolicyCreateCommand;
import ai.switchboard.registry.cache.CachePolicyUpdateCommand;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The body of {@code POST} and {@code PATCH /admin/v1/cache-policies}: {@code target_type} is {@code key},
 * {@code model} or {@code route} and {@code target} its name or id (on POST only; a policy keeps its target).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record CachePolicyRequest(
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

    CachePolicyCreateCommand toCreate() {
        return new CachePolicyCreateCommand(targetType, target, enabled, ttlSeconds, maxEntryBytes,
                sharedAcrossTeams, deterministicOnly, mode, embeddingModel, similarityThreshold, contextTurns);
    }

    CachePolicyUpdateCommand toUpdate() {
        FieldErrors errors = new FieldErrors();
        if (targetType != null) {
            errors.add("target_type", "cannot be changed; delete the policy and create another");
        }
        if (target != null) {
            errors.add("target", "cannot be changed; delete the policy and create another");
        }
        errors.throwIfAny();
        return new CachePolicyUpdateCommand(enabled, ttlSeconds, maxEntryBytes, sharedAcrossTeams, deterministicOnly,
                mode, embeddingModel, similarityThreshold, contextTurns);
    }
}
