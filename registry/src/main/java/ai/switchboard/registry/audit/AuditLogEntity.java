package ai.switchboard.registry.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A row of {@code audit_log}: who changed which registry entry, and how. Never holds a secret. */
@Entity
@Table(name = "audit_log")
public class AuditLogEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private Instant at;

    @Column(nullable = false, length = 256)
    private String actor;

    @Column(nullable = false, length = 32)
    private String action;

    @Column(name = "entity_type", nullable = false, length = 32)
    private String entityType;

    @Column(name = "entity_id")
    private UUID entityId;

    @Column(name = "entity_name", length = 128)
    private String entityName;

    /** The state after the change (for an update, of the fields that changed). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private Map<String, Object> detail = new LinkedHashMap<>();

    /** The state before the change (for an update, of the fields that changed); {@code null} for a creation. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column
    private Map<String, Object> before;

    @Column(name = "actor_key_id")
    private UUID actorKeyId;

    @Column(name = "team_id")
    private UUID teamId;

    @Column(name = "client_address", length = 64)
    private String clientAddress;

    protected AuditLogEntity() {
    }

    public AuditLogEntity(Instant at, String actor, String action, String entityType, UUID entityId,
            String entityName, Map<String, Object> detail) {
        this.at = at;
        this.actor = actor;
        this.action = action;
        this.entityType = entityType;
        this.entityId = entityId;
        this.entityName = entityName;
        this.detail = new LinkedHashMap<>(detail);
    }

    /** A row with its origin and the state before the change. */
    public AuditLogEntity(Instant at, String actor, String action, String entityType, UUID entityId,
            String entityName, Map<String, Object> before, Map<String, Object> after, AuditOrigin origin) {
        this(at, actor, action, entityType, entityId, entityName, after);
        this.before = before == null ? null : new LinkedHashMap<>(before);
        this.actorKeyId = origin.actorKeyId();
        this.teamId = origin.teamId();
        this.clientAddress = origin.clientAddress();
    }

    public Long getId() {
        return id;
    }

    public Instant getAt() {
        return at;
    }

    public String getActor() {
        return actor;
    }

    public String getAction() {
        return action;
    }

    public String getEntityType() {
        return entityType;
    }

    public UUID getEntityId() {
        return entityId;
    }

    public String getEntityName() {
        return entityName;
    }

    public Map<String, Object> getDetail() {
        return detail;
    }

    public Map<String, Object> getBefore() {
        return before;
    }

    public UUID getActorKeyId() {
        return actorKeyId;
    }

    public UUID getTeamId() {
        return teamId;
    }

    public String getClientAddress() {
        return clientAddress;
    }
}
