package ai.switchboard.registry.budget;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A row of {@code budgets}: exactly one of the scope ids is set, the one {@code scopeType} names. */
@Entity
@Table(name = "budgets")
public class BudgetEntity {

    @Id
    private UUID id;

    @Column(nullable = false, unique = true, length = 128)
    private String name;

    @Column(name = "scope_type", nullable = false, length = 16)
    private String scopeType;

    @Column(name = "key_id")
    private UUID keyId;

    @Column(name = "team_id")
    private UUID teamId;

    @Column(name = "model_id")
    private UUID modelId;

    @Column(name = "route_id")
    private UUID routeId;

    @Column(nullable = false, length = 16)
    private String period;

    @Column(name = "limit_usd", nullable = false, precision = 19, scale = 9)
    private BigDecimal limitUsd;

    @Column(name = "soft_threshold_percent")
    private Integer softThresholdPercent;

    @Column(nullable = false)
    private boolean enabled;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected BudgetEntity() {
    }

    public BudgetEntity(UUID id, String name, Instant createdAt) {
        this.id = id;
        this.name = name;
        this.createdAt = createdAt;
        this.updatedAt = createdAt;
    }

    public UUID getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getScopeType() {
        return scopeType;
    }

    /** The id of what the budget watches, whatever its type. */
    public UUID getScopeId() {
        return keyId != null ? keyId : teamId != null ? teamId : modelId != null ? modelId : routeId;
    }

    /** Points the budget at a key, team, model or route ({@code scopeType} is its wire name). */
    public void setScope(String scopeType, UUID scopeId) {
        this.scopeType = scopeType;
        this.keyId = "key".equals(scopeType) ? scopeId : null;
        this.teamId = "team".equals(scopeType) ? scopeId : null;
        this.modelId = "model".equals(scopeType) ? scopeId : null;
        this.routeId = "route".equals(scopeType) ? scopeId : null;
    }

    public String getPeriod() {
        return period;
    }

    public void setPeriod(String period) {
        this.period = period;
    }

    public BigDecimal getLimitUsd() {
        return limitUsd;
    }

    public void setLimitUsd(BigDecimal limitUsd) {
        this.limitUsd = limitUsd;
    }

    public Integer getSoftThresholdPercent() {
        return softThresholdPercent;
    }

    public void setSoftThresholdPercent(Integer softThresholdPercent) {
        this.softThresholdPercent = softThresholdPercent;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public void touch(Instant at) {
        this.updatedAt = at;
    }
}
