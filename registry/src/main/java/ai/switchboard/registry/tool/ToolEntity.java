package ai.switchboard.registry.tool;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A row of {@code tools}. The secret fields of the configuration are stored only as
 * {@link ai.switchboard.registry.crypto.CredentialCipher} text; {@link ToolSecrets} reads and writes them.
 */
@Entity
@Table(name = "tools")
public class ToolEntity {

    @Id
    private UUID id;

    @Column(nullable = false, unique = true, length = 64)
    private String name;

    @Column(nullable = false, length = 32)
    private String type;

    @Column(length = 1024)
    private String description;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private Map<String, Object> config = new LinkedHashMap<>();

    @Column(name = "secrets_ciphertext")
    private String secretsCiphertext;

    @Column(nullable = false)
    private long revision;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected ToolEntity() {
    }

    public ToolEntity(UUID id, String name, Instant createdAt) {
        this.id = id;
        this.name = name;
        this.createdAt = createdAt;
        this.updatedAt = createdAt;
        this.revision = 1;
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

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    /** The configuration without its secret fields. */
    public Map<String, Object> getConfig() {
        return config;
    }

    public void setConfig(Map<String, Object> config) {
        this.config = new LinkedHashMap<>(config);
    }

    public String getSecretsCiphertext() {
        return secretsCiphertext;
    }

    public void setSecretsCiphertext(String secretsCiphertext) {
        this.secretsCiphertext = secretsCiphertext;
    }

    public long getRevision() {
        return revision;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    /** Marks a change: bumps the revision (so tool instances built from it get replaced) and the update time. */
    public void touch(Instant now) {
        this.revision++;
        this.updatedAt = now;
    }
}
