package ai.switchboard.registry.model;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/**
 * A partial change (PATCH): only non-null fields change; lists replace the stored list as a whole.
 *
 * @param clear optional fields to remove, by their admin API name ({@link ModelAdminService#CLEARABLE}); the admin
 *     API sends {@code null} for them
 */
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
        Boolean enabled,
        Set<String> clear) {

    public ModelUpdateCommand {
        clear = clear == null ? Set.of() : Set.copyOf(clear);
    }
}
