package ai.switchboard.registry;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * A virtual API key as the request path sees it. Only the SHA-256 hash of the secret is known.
 *
 * @param prefix the visible start of the key (e.g. {@code sk-sb-AbC1}), safe to log
 * @param allowedModels public model and route names the key may use; {@value #ALL_MODELS} alone means every one, and
 *     an empty set none. Agents are named {@code agent:<name>}, and only by name: {@value #ALL_MODELS} does not
 *     include them
 * @param expiresAt when the key stops working, or {@code null} for never
 * @param teamId the team that owns the key, or {@code null} for none
 * @param previousHash the hash of the secret the key had before its last rotation, or {@code null}
 * @param previousHashExpiresAt when that secret stops working, or {@code null}
 */
public record ApiKeyRecord(
        UUID id,
        String name,
        String prefix,
        String hash,
        Set<KeyScope> scopes,
        Set<String> allowedModels,
        Instant expiresAt,
        boolean revoked,
        UUID teamId,
        String previousHash,
        Instant previousHashExpiresAt) {

    /** The {@code allowed_models} entry that lets a key use every model and route. */
    public static final String ALL_MODELS = "*";

    public ApiKeyRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(hash, "hash");
        scopes = scopes == null ? Set.of() : Set.copyOf(scopes);
        allowedModels = allowedModels == null ? Set.of() : Set.copyOf(allowedModels);
    }

    /** A key that was never rotated. */
    public ApiKeyRecord(UUID id, String name, String prefix, String hash, Set<KeyScope> scopes,
            Set<String> allowedModels, Instant expiresAt, boolean revoked, UUID teamId) {
        this(id, name, prefix, hash, scopes, allowedModels, expiresAt, revoked, teamId, null, null);
    }

    /** A key that belongs to no team. */
    public ApiKeyRecord(UUID id, String name, String prefix, String hash, Set<KeyScope> scopes,
            Set<String> allowedModels, Instant expiresAt, boolean revoked) {
        this(id, name, prefix, hash, scopes, allowedModels, expiresAt, revoked, null);
    }

    /** Whether the key may be used at {@code now}: not revoked and not expired. */
    public boolean activeAt(Instant now) {
        return !revoked && (expiresAt == null || now.isBefore(expiresAt));
    }

    /**
     * Whether the secret whose hash is {@code presentedHash} is accepted at {@code now}: the current one while the key
     * is active, the one from before the last rotation only until its grace period ends.
     */
    public boolean acceptsAt(String presentedHash, Instant now) {
        if (!activeAt(now)) {
            return false;
        }
        return hash.equals(presentedHash)
                || (presentedHash.equals(previousHash) && previousHashExpiresAt != null
                        && now.isBefore(previousHashExpiresAt));
    }

    public boolean hasScope(KeyScope scope) {
        return scopes.contains(scope);
    }

    /**
     * Whether the key may call the model, route or agent ({@code agent:<name>}) with this public name. An agent runs
     * tools with the gateway's own reach, so a key uses one only if its allow-list names it: {@value #ALL_MODELS}
     * covers models and routes, never agents.
     */
    public boolean mayUse(String modelName) {
        return allows(allowedModels, modelName);
    }

    /**
     * Whether the key may call the tool exposed as {@code toolName} ({@code server}: the MCP server offering it, or
     * {@code null} for a tool instance) through {@code /mcp}; see {@link ToolGrants}.
     */
    public boolean mayCallTool(String toolName, String server) {
        return ToolGrants.allows(allowedModels, toolName, server);
    }

    /** Whether an allow-list of model, route and agent names lets its holder use {@code modelName}. */
    public static boolean allows(Set<String> allowedModels, String modelName) {
        if (AgentConfig.isAgentModel(modelName) || ToolGrants.isToolGrant(modelName)) {
            return allowedModels.contains(modelName);
        }
        return allowedModels.contains(ALL_MODELS) || allowedModels.contains(modelName);
    }
}
