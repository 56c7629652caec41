package ai.switchboard.registry.cache;

import ai.switchboard.registry.CacheTarget;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A row of {@code cache_policies}: whether and how answers for exactly one key, model or route are cached. */
@Entity
@Table(name = "cache_policies")
public class CachePolicyEntity {

    @Id
    private UUID id;

    @Column(name = "key_id")
    private UUID keyId;

    @Column(name = "model_id")
    private UUID modelId;

    @Column(name = "route_id")
    private UUID routeId;

    @Column(name = "enabled", nullable = false)
    private boolean enabled;

    @Column(name = "ttl_seconds", nullable = false)
    private int ttlSeconds;

    @Column(name = "max_entry_bytes", nullable = false)
    private int maxEntryBytes;

    @Column(name = "shared_across_teams", nullable = false)
    private boolean sharedAcrossTeams;

    @Column(name = "deterministic_only", nullable = false)
    private boolean deterministicOnly;

    @Column(name = "mode", nullable = false)
    private String mode = "exact";

    @Column(name = "embedding_model_id")
    private UUID embeddingModelId;

    @Column(name = "similarity_threshold", nullable = false)
    private double similarityThreshold;

    @Column(name = "context_turns", nullable = false)
    private int contextTurns;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected CachePolicyEntity() {
    }

    public CachePolicyEntity(UUID id, CacheTarget target, UUID targetId, Instant createdAt) {
        this.id = id;
        switch (target) {
            case KEY -> this.keyId = targetId;
            case MODEL -> this.modelId = targetId;
            case ROUTE -> this.routeId = targetId;
        }
        this.createdAt = createdAt;
        this.updatedAt = createdAt;
    }

    public UUID getId() {
        return id;
    }

    public CacheTarget getTarget() {
        return keyId != null ? CacheTarget.KEY : modelId != null ? CacheTarget.MODEL : CacheTarget.ROUTE;
    }

    public UUID getTargetId() {
        return keyId != null ? keyId : modelId != null ? modelId : routeId;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public int getTtlSeconds() {
        return ttlSeconds;
    }

    public void setTtlSeconds(int ttlSeconds) {
        this.ttlSeconds = ttlSeconds;
    }

    public int getMaxEntryBytes() {
        return maxEntryBytes;
    }

    public void setMaxEntryBytes(int maxEntryBytes) {
        this.maxEntryBytes = maxEntryBytes;
    }

    public boolean isSharedAcrossTeams() {
        return sharedAcrossTeams;
    }

    public void setSharedAcrossTeams(boolean sharedAcrossTeams) {
        this.sharedAcrossTeams = sharedAcrossTeams;
    }

    public boolean isDeterministicOnly() {
        return deterministicOnly;
    }

    public void setDeterministicOnly(boolean deterministicOnly) {
        this.deterministicOnly = deterministicOnly;
    }

    /** {@code exact} or {@code semantic}. */
    public String getMode() {
        return mode;
    }

    public void setMode(String mode) {
        this.mode = mode;
    }

    public UUID getEmbeddingModelId() {
        return embeddingModelId;
    }

    public void setEmbeddingModelId(UUID embeddingModelId) {
        this.embeddingModelId = embeddingModelId;
    }

    public double getSimilarityThreshold() {
        return similarityThreshold;
    }

    public void setSimilarityThreshold(double similarityThreshold) {
        this.similarityThreshold = similarityThreshold;
    }

    public int getContextTurns() {
        return contextTurns;
    }

    public void setContextTurns(int contextTurns) {
        this.contextTurns = contextTurns;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public void touch(Instant now) {
        this.updatedAt = now;
    }
}
