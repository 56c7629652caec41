package ai.switchboard.registry.key;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A row of {@code api_keys}: the key's hash and visible prefix, never its plaintext. */
@Entity
@Table(name = "api_keys")
public class ApiKeyEntity {

    @Id
    private UUID id;

    @Column(nullable = false, length = 128)
    private String name;

    @Column(nullable = false, length = 16)
    private String prefix;

    @Column(nullable = false, unique = true, length = 64)
    private String hash;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private List<String> scopes = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "allowed_models", nullable = false)
    private List<String> allowedModels = new ArrayList<>();

    @Column(name = "expires_at")
    private Instant expiresAt;

    @Column(nullable = false)
    private boolean revoked;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "team_id")
    private UUID teamId;

    /** The secret before the last rotation, accepted until {@link #previousHashExpiresAt}. */
    @Column(name = "previous_hash", unique = true, length = 64)
    private String previousHash;

    @Column(name = "previous_hash_expires_at")
    private Instant previousHashExpiresAt;

    @Column(name = "rotated_at")
    private Instant rotatedAt;

    /** Written only by {@link LastUsedRecorder}, in batches, so an admin write never puts back an older value. */
    @Column(name = "last_used_at", insertable = false, updatable = false)
    private Instant lastUsedAt;

    protected ApiKeyEntity() {
    }

    public ApiKeyEntity(UUID id, String name, GeneratedApiKey key, List<String> scopes, List<String> allowedModels,
            Instant expiresAt, Instant createdAt) {
        this.id = id;
        this.name = name;
        this.prefix = key.prefix();
        this.hash = key.hash();
        this.scopes = new ArrayList<>(scopes);
        this.allowedModels = new ArrayList<>(allowedModels);
        this.expiresAt = expiresAt;
        this.createdAt = createdAt;
    }

    public UUID getId() {
        return id;
    }

    /** The team that owns the key, or {@code null}. */
    public UUID getTeamId() {
        return teamId;
    }

    public void setTeamId(UUID teamId) {
        this.teamId = teamId;
    }

    public String getName() {
        return name;
    }

    public String getPrefix() {
        return prefix;
    }

    public String getHash() {
        return hash;
    }

    public List<String> getScopes() {
        return scopes;
    }

    public List<String> getAllowedModels() {
        return allowedModels;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public boolean isRevoked() {
        return revoked;
    }

    public Instant getRevokedAt() {
        return revokedAt;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getLastUsedAt() {
        return lastUsedAt;
    }

    /** Renames the key and replaces what it may do; the key itself (hash, prefix) never changes. */
    public void change(String name, List<String> scopes, List<String> allowedModels, Instant expiresAt) {
        this.name = name;
        this.scopes = new ArrayList<>(scopes);
        this.allowedModels = new ArrayList<>(allowedModels);
        this.expiresAt = expiresAt;
    }

    /**
     * Replaces the key's secret. The old one keeps working until {@code graceEnds} (not at all when that is
     * {@code now}); a secret from before an earlier rotation stops now.
     */
    public void rotate(GeneratedApiKey next, Instant now, Instant graceEnds) {
        boolean grace = graceEnds.isAfter(now);
        this.previousHash = grace ? hash : null;
        this.previousHashExpiresAt = grace ? graceEnds : null;
        this.hash = next.hash();
        this.prefix = next.prefix();
        this.rotatedAt = now;
    }

    public String getPreviousHash() {
        return previousHash;
    }

    public Instant getPreviousHashExpiresAt() {
        return previousHashExpiresAt;
    }

    public Instant getRotatedAt() {
        return rotatedAt;
    }

    public void revoke(Instant now) {
        this.revoked = true;
        this.revokedAt = now;
    }

    /** Whether the key works at {@code now}. */
    public boolean activeAt(Instant now) {
        return !revoked && (expiresAt == null || now.isBefore(expiresAt));
    }
}
