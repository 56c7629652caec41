package ai.switchboard.registry.prompt;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A row of {@code prompt_versions}: one numbered template, written once and never changed. */
@Entity
@Immutable
@Table(name = "prompt_versions")
public class PromptVersionEntity {

    @Id
    private UUID id;

    @Column(name = "prompt_id", nullable = false)
    private UUID promptId;

    @Column(nullable = false)
    private int version;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private Map<String, Object> template;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected PromptVersionEntity() {
    }

    public PromptVersionEntity(UUID id, UUID promptId, int version, Map<String, Object> template, Instant createdAt) {
        this.id = id;
        this.promptId = promptId;
        this.version = version;
        this.template = new LinkedHashMap<>(template);
        this.createdAt = createdAt;
    }

    public UUID getId() {
        return id;
    }

    public UUID getPromptId() {
        return promptId;
    }

    public int getVersion() {
        return version;
    }

    /** {@code {"text": ...}} or {@code {"messages": [{"role", "content"}, ...]}}. */
    public Map<String, Object> getTemplate() {
        return template;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
