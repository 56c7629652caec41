package ai.switchboard.registry.model;

import java.math.BigDecimal;
import java.util.List;

/**
 * A new model. {@code provider} is the provider's name or id. Optional fields may be {@code null}; lists then are
 * empty and {@code enabled} is true.
 *
 * @param capabilities wire names of {@link ai.switchboard.registry.Capability}
 */
public record ModelCreateCommand(
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
