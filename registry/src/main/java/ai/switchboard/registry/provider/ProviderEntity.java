package ai.switchboard.registry.provider;

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
 * A row of {@code providers}. The credential and the extra headers are stored only as
 * {@link ai.switchboard.registry.crypto.CredentialCipher} text; {@link ProviderSecrets} reads and writes them.
 */
@Entity
@Table(name = "providers")
public class ProviderEntity {

    @Id
    private UUID id;

    @Column(nullable = false, unique = true, length = 128)
    private String name;

    @Column(nullable = false, length = 32)
    private String type;

    @Column(name = "base_url", nullable = false, length = 2048)
    private String baseUrl;

    @Column(name = "api_key_ciphertext")
    private String apiKeyCiphertext;

    @Column(name = "extra_headers_ciphertext")
    private String extraHeadersCiphertext;

    // Rows written before the headers were encrypted; emptied at start-up, written by nothing.
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "extra_headers", nullable = false)
    private Map<String, String> plaintextExtraHeaders = new LinkedHashMap<>();

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private Map<String, String> settings = new LinkedHashMap<>();

    @Column(name = "connect_timeout_ms", nullable = false)
    private int connectTimeoutMs;

    @Column(name = "response_timeout_ms", nullable = false)
    private int responseTimeoutMs;

    @Column(nullable = false)
    private boolean enabled;

    @Column(nullable = false)
    private long revision;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected ProviderEntity() {
    }

    public ProviderEntity(UUID id, String name, Instant createdAt) {
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

    public String getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public String getApiKeyCiphertext() {
        return apiKeyCiphertext;
    }

    public void setApiKeyCiphertext(String apiKeyCiphertext) {
        this.apiKeyCiphertext = apiKeyCiphertext;
    }

    public String getExtraHeadersCiphertext() {
        return extraHeadersCiphertext;
    }

    /** Sets the encrypted headers and empties the legacy plaintext column, which only older versions wrote. */
    public void setExtraHeadersCiphertext(String extraHeadersCiphertext) {
        this.extraHeadersCiphertext = extraHeadersCiphertext;
        this.plaintextExtraHeaders = new LinkedHashMap<>();
    }

    /** Headers an older version stored in plaintext and start-up has not re-encrypted yet; usually empty. */
    public Map<String, String> getPlaintextExtraHeaders() {
        return plaintextExtraHeaders;
    }

    public Map<String, String> getSettings() {
        return settings;
    }

    public void setSettings(Map<String, String> settings) {
        this.settings = new LinkedHashMap<>(settings);
    }

    public int getConnectTimeoutMs() {
        return connectTimeoutMs;
    }

    public void setConnectTimeoutMs(int connectTimeoutMs) {
        this.connectTimeoutMs = connectTimeoutMs;
    }

    public int getResponseTimeoutMs() {
        return responseTimeoutMs;
    }

    public void setResponseTimeoutMs(int responseTimeoutMs) {
        this.responseTimeoutMs = responseTimeoutMs;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
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

    /** Marks a change: bumps the provider revision (so pools built for it get replaced) and the update time. */
    public void touch(Instant now) {
        this.revision++;
        this.updatedAt = now;
    }
}
