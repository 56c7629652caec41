package ai.switchboard.registry.model;

import java.math.BigDecimal;
import java.util.List;

/** A partial change (PATCH): only non-null fields change; lists replace the stored list as a whole. */
public record ModelUpdateCommand(
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
}
