package ai.switchboard.registry.tool;

import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A tool as the admin API shows it: never a secret value, only which secret fields are set.
 *
 * @param config the configuration without its secret fields
 * @param secrets the secret fields that are set, every value shown as {@code ********} (header and parameter names
 *     kept); {@code null} when they cannot be decrypted (status {@code credential_error})
 * @param status {@code ok}, or {@code credential_error} when the stored secrets cannot be decrypted with this
 *     master key
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ToolView(
        UUID id,
        String name,
        String type,
        String description,
        JsonNode config,
        JsonNode secrets,
        String status,
        long revision,
        Instant createdAt,
        Instant updatedAt) {
}
