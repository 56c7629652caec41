package ai.switchboard.registry.declarative;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** A model in the declarative file; {@code provider} is a provider's name. Absent fields keep their value. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModelEntry(
        String name,
        String provider,
        String upstreamModel,
        String version,
        List<String> capabilities,
        Integer contextWindow,
        Integer maxOutputTokens,
        BigDecimal inputPricePerMtok,
        BigDecimal outputPricePerMtok,
        List<String> tags,
        Boolean enabled) {

    static final Set<String> FIELDS = Set.of("name", "provider", "upstream_model", "version", "capabilities",
            "context_window", "max_output_tokens", "input_price_per_mtok", "output_price_per_mtok", "tags", "enabled");
}
