package ai.switchboard.registry.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** A model as the admin API shows it (snake_case JSON). {@code provider} is the provider's name. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ModelView(
        UUID id,
        String name,
        String provider,
        UUID providerId,
        String upstreamModel,
        String version,
        List<String> capabilities,
        Integer contextWindow,
        Integer maxOutputTokens,
        BigDecimal inputPricePerMtok,
        BigDecimal outputPricePerMtok,
        List<String> tags,
        boolean enabled,
        Instant createdAt,
        Instant updatedAt) {

    static ModelView of(ModelEntity m) {
        return new ModelView(m.getId(), m.getName(), m.getProvider().getName(), m.getProvider().getId(),
                m.getUpstreamModel(), m.getVersion(), List.copyOf(m.getCapabilities()), m.getContextWindow(),
                m.getMaxOutputTokens(), m.getInputPricePerMtok(), m.getOutputPricePerMtok(), List.copyOf(m.getTags()),
                m.isEnabled(), m.getCreatedAt(), m.getUpdatedAt());
    }
}
