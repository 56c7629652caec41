package ai.switchboard.registry;

import java.util.Objects;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A tool instance as the request path sees it: a configured built-in tool type under the name models call it by.
 * Its secrets are decrypted once, when the snapshot is built, and kept apart from the rest of its configuration;
 * {@link #toString()} leaves them out.
 *
 * @param type the tool type's name ({@code http}, {@code sql})
 * @param config the type's configuration without its secret fields (a read-only tree: never mutate it)
 * @param secrets the secret fields, decrypted (empty when none is set, or when they cannot be decrypted)
 * @param revision bumps on every change, so tool instances built from an older definition can be replaced
 * @param status {@code CREDENTIAL_ERROR} when the stored secrets cannot be decrypted with this master key: the tool
 *     must not be built then
 */
public record ToolConfig(UUID id, String name, String type, String description, ObjectNode config,
        ObjectNode secrets, long revision, ProviderStatus status) {

    public ToolConfig {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(config, "config");
        secrets = secrets == null ? JsonNodeFactory.instance.objectNode() : secrets;
        Objects.requireNonNull(status, "status");
    }

    /** Whether the tool can be built (its secrets were decrypted). */
    public boolean available() {
        return status == ProviderStatus.OK;
    }

    /** The whole configuration the tool type binds: {@link #config()} with the secret fields put back. */
    public JsonNode fullConfig() {
        ObjectNode full = config.deepCopy();
        full.setAll(secrets.deepCopy());
        return full;
    }

    @Override
    public String toString() {
        return "ToolConfig[name=" + name + ", type=" + type + ", secrets=" + java.util.List.copyOf(secrets.propertyNames()) + ", revision="
                + revision + ", status=" + status.wire() + "]";
    }
}
