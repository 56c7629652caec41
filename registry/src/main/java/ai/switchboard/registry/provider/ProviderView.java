package ai.switchboard.registry.provider;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A provider as the admin API shows it: never the credential, only whether one is set; header values that look like
 * credentials are masked.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ProviderView(
        UUID id,
        String name,
        String type,
        String baseUrl,
        boolean apiKeySet,
        Map<String, String> extraHeaders,
        Map<String, String> settings,
        int connectTimeoutMs,
        int responseTimeoutMs,
        boolean enabled,
        long revision,
        Instant createdAt,
        Instant updatedAt) {

    static ProviderView of(ProviderEntity p) {
        return new ProviderView(p.getId(), p.getName(), p.getType(), p.getBaseUrl(), p.getApiKeyCiphertext() != null,
                SensitiveHeaders.mask(p.getExtraHeaders()), new LinkedHashMap<>(p.getSettings()), p.getConnectTimeoutMs(),
                p.getResponseTimeoutMs(), p.isEnabled(), p.getRevision(), p.getCreatedAt(), p.getUpdatedAt());
    }
}
