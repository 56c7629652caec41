package ai.switchboard.registry.route;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A row of {@code routes}: a virtual model name, its policy and the policy's configuration. */
@Entity
@Table(name = "routes")
public class RouteEntity {

    @Id
    private UUID id;

    @Column(nullable = false, unique = true, length = 128)
    private String name;

    @Column(length = 512)
    private String description;

    @Column(nullable = false, length = 32)
    private String policy;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private Map<String, Object> config = new LinkedHashMap<>();

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private List<String> fallbacks = new ArrayList<>();

    @Column(name = "request_timeout_ms")
    private Integer requestTimeoutMs;

    @Column(name = "attempt_timeout_ms")
    private Integer attemptTimeoutMs;

    @Column(name = "first_token_timeout_ms")
    private Integer firstTokenTimeoutMs;

    @Column(nullable = false)
    private boolean enabled;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected RouteEntity() {
    }

    public RouteEntity(UUID id, String name, Instant createdAt) {
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

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getPolicy() {
        return policy;
    }

    public void setPolicy(String policy) {
        this.policy = policy;
    }

    public Map<String, Object> getConfig() {
        return config;
    }

    public void setConfig(Map<String, Object> config) {
        this.config = new LinkedHashMap<>(config);
    }

    public List<String> getFallbacks() {
        return fallbacks;
    }

    public void setFallbacks(List<String> fallbacks) {
        this.fallbacks = new ArrayList<>(fallbacks);
    }

    public Integer getRequestTimeoutMs() {
        return requestTimeoutMs;
    }

    public void setRequestTimeoutMs(Integer requestTimeoutMs) {
        this.requestTimeoutMs = requestTimeoutMs;
    }

    public Integer getAttemptTimeoutMs() {
        return attemptTimeoutMs;
    }

    public void setAttemptTimeoutMs(Integer attemptTimeoutMs) {
        this.attemptTimeoutMs = attemptTimeoutMs;
    }

    public Integer getFirstTokenTimeoutMs() {
        return firstTokenTimeoutMs;
    }

    public void setFirstTokenTimeoutMs(Integer firstTokenTimeoutMs) {
        this.firstTokenTimeoutMs = firstTokenTimeoutMs;
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

    public void touch(Instant now) {
        this.updatedAt = now;
    }
}
