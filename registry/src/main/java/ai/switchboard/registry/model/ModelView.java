package ai.switchboard.registry.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A model as the admin API shows it. {@code provider} is the provider's name. */
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
