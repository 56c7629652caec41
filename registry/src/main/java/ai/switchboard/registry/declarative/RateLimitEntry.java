package ai.switchboard.registry.declarative;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Set;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A rate limit in the declarative file: on the key, team or model named {@code target} ({@code target_type}), per
 * minute. A key is named by its live key's name.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RateLimitEntry(
        String targetType,
        String target,
        Integer requestsPerMinute,
        Integer tokensPerMinute) {

    static final Set<String> FIELDS = Set.of("target_type", "target", "requests_per_minute", "tokens_per_minute");
}
