package ai.switchboard.gateway.admin;

import ai.switchboard.registry.admin.FieldErrors;
import ai.switchboard.registry.ratelimit.RateLimitCreateCommand;
import ai.switchboard.registry.ratelimit.RateLimitUpdateCommand;
import java.util.Set;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The body of {@code POST} and {@code PATCH /admin/v1/rate-limits}: {@code target_type} is {@code key}, {@code team}
 * or {@code model} and {@code target} its name or id (on POST only; a limit keeps its target).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record RateLimitRequest(
        String targetType,
        String target,
        Integer requestsPerMinute,
        Integer tokensPerMinute) {

    RateLimitCreateCommand toCreate() {
        return new RateLimitCreateCommand(targetType, target, requestsPerMinute, tokensPerMinute);
    }

    /** @param clear the limits the PATCH sent as {@code null} */
    RateLimitUpdateCommand toUpdate(Set<String> clear) {
        FieldErrors errors = new FieldErrors();
        if (targetType != null) {
            errors.add("target_type", "cannot be changed; delete the limit and create another");
        }
        if (target != null) {
            errors.add("target", "cannot be changed; delete the limit and create another");
        }
        errors.throwIfAny();
        return new RateLimitUpdateCommand(requestsPerMinute, tokensPerMinute, clear);
    }
}
