package ai.switchboard.registry.provider;

import ai.switchboard.registry.ProviderStatus;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A provider as the admin API shows it: never the credential, only whether one is set; header values that look like
 * credentials are masked, and so is user info in a base URL stored before such URLs were refused.
 *
 * @param extraHeaders {@code null} when they cannot be decrypted (status {@code credential_error})
 * @param status {@code ok}, or {@code credential_error} when a stored secret cannot be decrypted with this master key
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
        String status,
        long revision,
        Instant createdAt,
        Instant updatedAt) {

    static ProviderView of(ProviderEntity p, Map<String, String> extraHeaders, ProviderStatus status) {
        return new ProviderView(p.getId(), p.getName(), p.getType(), UrlCredentials.masked(p.getBaseUrl()),
                p.getApiKeyCiphertext() != null, extraHeaders == null ? null : SensitiveHeaders.mask(extraHeaders),
                new LinkedHashMap<>(p.getSettings()), p.getConnectTimeoutMs(), p.getResponseTimeoutMs(),
                p.isEnabled(), status.wire(), p.getRevision(), p.getCreatedAt(), p.getUpdatedAt());
    }
}
