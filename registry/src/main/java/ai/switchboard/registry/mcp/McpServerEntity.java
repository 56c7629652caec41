package ai.switchboard.registry.mcp;

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

/**
 * A row of {@code mcp_servers}. Headers, bearer token and environment are stored only as
 * {@link ai.switchboard.registry.crypto.CredentialCipher} text; {@link McpServerSecrets} reads and writes them.
 */
@Entity
@Table(name = "mcp_servers")
public class McpServerEntity {

    @Id
    private UUID id;

    @Column(nullable = false, unique = true, length = 32)
    private String name;

    @Column(nullable = false, length = 32)
    private String transport;

    @Column(length = 2048)
    private String url;

    @Column(length = 1024)
    private String command;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private List<String> args = new ArrayList<>();

    @Column(name = "connect_timeout_ms", nullable = false)
    private int connectTimeoutMs;

    @Column(name = "call_timeout_ms", nullable = false)
    private int callTimeoutMs;

    @Column(nullable = false)
    private boolean enabled;

    @Column(name = "secrets_ciphertext")
    private String secretsCiphertext;

    @Column(nullable = false)
    private long revision;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected McpServerEntity() {
    }

    public McpServerEntity(UUID id, String name, Instant createdAt) {
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

    public String getTransport() {
        return transport;
    }

    public void setTransport(String transport) {
        this.transport = transport;
    }

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public String getCommand() {
        return command;
    }

    public void setCommand(String command) {
        this.command = command;
    }

    public List<String> getArgs() {
        return args;
    }

    public void setArgs(List<String> args) {
        this.args = new ArrayList<>(args);
    }

    public int getConnectTimeoutMs() {
        return connectTimeoutMs;
    }

    public void setConnectTimeoutMs(int connectTimeoutMs) {
        this.connectTimeoutMs = connectTimeoutMs;
    }

    public int getCallTimeoutMs() {
        return callTimeoutMs;
    }

    public void setCallTimeoutMs(int callTimeoutMs) {
        this.callTimeoutMs = callTimeoutMs;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
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

    /** Marks a change: bumps the revision and the update time. */
    public void touch(Instant now) {
        this.revision++;
        this.updatedAt = now;
    }
}
