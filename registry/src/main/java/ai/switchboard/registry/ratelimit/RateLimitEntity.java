package ai.switchboard.registry.ratelimit;

import ai.switchboard.registry.RateLimitTarget;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A row of {@code rate_limits}: per-minute limits on exactly one key, team or model. */
@Entity
@Table(name = "rate_limits")
public class RateLimitEntity {

    @Id
    private UUID id;

    @Column(name = "key_id")
    private UUID keyId;

    @Column(name = "team_id")
    private UUID teamId;

    @Column(name = "model_id")
    private UUID modelId;

    @Column(name = "requests_per_minute")
    private Integer requestsPerMinute;

    @Column(name = "tokens_per_minute")
    private Integer tokensPerMinute;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected RateLimitEntity() {
    }

    public RateLimitEntity(UUID id, RateLimitTarget target, UUID targetId, Instant createdAt) {
        this.id = id;
        switch (target) {
            case KEY -> this.keyId = targetId;
            case TEAM -> this.teamId = targetId;
            case MODEL -> this.modelId = targetId;
        }
        this.createdAt = createdAt;
        this.updatedAt = createdAt;
    }

    public UUID getId() {
        return id;
    }

    public RateLimitTarget getTarget() {
        return keyId != null ? RateLimitTarget.KEY : teamId != null ? RateLimitTarget.TEAM : RateLimitTarget.MODEL;
    }

    public UUID getTargetId() {
        return keyId != null ? keyId : teamId != null ? teamId : modelId;
    }

    public Integer getRequestsPerMinute() {
        return requestsPerMinute;
    }

    public void setRequestsPerMinute(Integer requestsPerMinute) {
        this.requestsPerMinute = requestsPerMinute;
    }

    public Integer getTokensPerMinute() {
        return tokensPerMinute;
    }

    public void setTokensPerMinute(Integer tokensPerMinute) {
        this.tokensPerMinute = tokensPerMinute;
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
