package ai.switchboard.registry.history;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/** The {@code registry_history} table. Blocking (JDBC). */
@Component
public class HistoryStore {

    static final String BASELINE = "baseline";

    private static final String COLUMNS = "entity_type, entity_id, entity_name, version, revision, action, form,"
            + " actor, actor_key_id, at";

    private final JdbcTemplate jdbc;

    public HistoryStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A version to write; its number is the entity's next. */
    record NewVersion(String entityType, UUID entityId, String entityName, long revision, String action,
            JsonNode form, String actor, UUID actorKeyId, Instant at) {
    }

    void insert(List<NewVersion> versions) {
        // Admin writes hold the registry_revision row lock until they commit, so version numbers cannot race.
        for (NewVersion v : versions) {
            jdbc.update("INSERT INTO registry_history (" + COLUMNS + ") SELECT ?, ?::uuid, ?,"
                    + " coalesce(max(version), 0) + 1, ?, ?, ?::jsonb, ?, ?::uuid, ? FROM registry_history"
                    + " WHERE entity_type = ? AND entity_id IS NOT DISTINCT FROM ?::uuid"
                    + " AND (entity_id IS NOT NULL OR entity_name = ?)",
                    v.entityType(), v.entityId(), truncate(v.entityName(), 256), v.revision(), v.action(),
                    v.form() == null ? null : HistorySections.JSON.writeValueAsString(v.form()),
                    truncate(v.actor(), 256), v.actorKeyId(), Timestamp.from(v.at()), v.entityType(), v.entityId(),
                    v.entityName());
        }
    }

    /** Every version of one entity, oldest first. */
    public List<HistoryVersion> versions(String entityType, UUID entityId, String entityName) {
        return jdbc.query("SELECT " + COLUMNS + " FROM registry_history WHERE entity_type = ?"
                + " AND (entity_id = ? OR (entity_id IS NULL AND entity_name = ?)) ORDER BY revision, id",
                (rs, n) -> version(rs), entityType, entityId, entityName);
    }

    /** Every version of the entity the latest row of that name belongs to, oldest first. */
    public List<HistoryVersion> versionsByName(String entityType, String name) {
        Optional<UUID> id = jdbc.query("SELECT entity_id FROM registry_history WHERE entity_type = ?"
                + " AND entity_name = ? ORDER BY revision DESC, id DESC LIMIT 1",
                (rs, n) -> Optional.ofNullable(rs.getObject(1, UUID.class)), entityType, name)
                .stream().findFirst().orElse(null);
        if (id == null) {
            return List.of();
        }
        return versions(entityType, id.orElse(null), name);
    }

    /** The name of the entity's latest version, or null when history has none. */
    String latestName(String entityType, UUID entityId) {
        return jdbc.query("SELECT entity_name FROM registry_history WHERE entity_type = ? AND entity_id = ?"
                + " ORDER BY revision DESC, id DESC LIMIT 1", (rs, n) -> rs.getString(1), entityType, entityId)
                .stream().findFirst().orElse(null);
    }

    /** The latest version of every entity of the type that history holds as existing. */
    List<HistoryVersion> existing(String entityType) {
        return jdbc.query("SELECT * FROM (SELECT DISTINCT ON (coalesce(entity_id::text, entity_name)) " + COLUMNS
                + " FROM registry_history WHERE entity_type = ?"
                + " ORDER BY coalesce(entity_id::text, entity_name), revision DESC, id DESC) latest"
                + " WHERE form IS NOT NULL", (rs, n) -> version(rs), entityType);
    }

    /** Each entity's latest version at {@code revision}, deleted ones included (with a null form). */
    List<HistoryVersion> latestAt(long revision) {
        return jdbc.query("SELECT DISTINCT ON (entity_type, coalesce(entity_id::text, entity_name)) " + COLUMNS
                + " FROM registry_history WHERE revision <= ?"
                + " ORDER BY entity_type, coalesce(entity_id::text, entity_name), revision DESC, id DESC",
                (rs, n) -> version(rs), revision);
    }

    /**
     * Per entity type, the revision its history is complete from: that of its first version when that is a baseline
     * (the type's entities predate its history), else 0 (history saw every one of them created).
     */
    Map<String, Long> startRevisions() {
        Map<String, Long> starts = new HashMap<>();
        jdbc.query("SELECT DISTINCT ON (entity_type) entity_type, action, revision FROM registry_history"
                + " ORDER BY entity_type, revision, id", rs -> {
                    starts.put(rs.getString("entity_type"),
                            BASELINE.equals(rs.getString("action")) ? rs.getLong("revision") : 0L);
                });
        return starts;
    }

    /** The names of the entities of that type with any version kept. */
    Set<String> knownNames(String entityType) {
        return new HashSet<>(jdbc.queryForList("SELECT DISTINCT entity_name FROM registry_history"
                + " WHERE entity_type = ?", String.class, entityType));
    }

    /** The id the audit trail last gave an entity of that type and name, if it ever named one. */
    Optional<UUID> auditedId(String entityType, String name) {
        return jdbc.query("SELECT entity_id FROM audit_log WHERE entity_type = ? AND entity_name = ?"
                + " AND entity_id IS NOT NULL ORDER BY id DESC LIMIT 1",
                (rs, n) -> rs.getObject(1, UUID.class), entityType, name).stream().findFirst();
    }

    private static HistoryVersion version(ResultSet rs) throws SQLException {
        String form = rs.getString("form");
        return new HistoryVersion(rs.getString("entity_type"), rs.getObject("entity_id", UUID.class),
                rs.getString("entity_name"), rs.getInt("version"), rs.getLong("revision"), rs.getString("action"),
                form == null ? null : HistorySections.JSON.readTree(form), rs.getString("actor"),
                rs.getObject("actor_key_id", UUID.class), rs.getTimestamp("at").toInstant());
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
