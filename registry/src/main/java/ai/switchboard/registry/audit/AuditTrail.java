package ai.switchboard.registry.audit;

import ai.switchboard.registry.admin.IdOrName;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the audit trail with filters and keyset paging (newest first; a cursor is the last row's id, so pages stay
 * stable while rows are added), and writes the rows of denied admin calls in batches. Blocking (JDBC).
 */
@Component
public class AuditTrail {

    /** The largest page. */
    public static final int MAX_LIMIT = 500;

    static final String DENIED = "denied";
    static final String ADMIN_API = "admin_api";
    private static final int PATH_LIMIT = 512;
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final JsonMapper json = JsonMapper.builder().build();

    public AuditTrail(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Up to {@code limit} rows matching {@code filter}, older than {@code cursor} when it is set. */
    public AuditPage read(AuditFilter filter, String cursor, int limit) {
        StringBuilder sql = new StringBuilder("SELECT id, at, actor, actor_key_id, team_id, client_address, action,"
                + " entity_type, entity_id, entity_name, before, detail FROM audit_log WHERE true");
        List<Object> args = new ArrayList<>();
        if (cursor != null) {
            sql.append(" AND id < ?");
            args.add(decodeCursor(cursor));
        }
        if (filter.actorKey() != null) {
            UUID id = IdOrName.asUuid(filter.actorKey());
            if (id != null) {
                sql.append(" AND actor_key_id = ?");
                args.add(id);
            } else {
                sql.append(" AND actor_key_id IN (SELECT k.id FROM api_keys k WHERE k.name = ?)");
                args.add(filter.actorKey());
            }
        }
        if (filter.team() != null) {
            UUID id = IdOrName.asUuid(filter.team());
            if (id != null) {
                sql.append(" AND team_id = ?");
                args.add(id);
            } else {
                sql.append(" AND team_id IN (SELECT t.id FROM teams t WHERE t.name = ?)");
                args.add(filter.team());
            }
        }
        if (filter.entityType() != null) {
            sql.append(" AND entity_type = ?");
            args.add(filter.entityType());
        }
        if (filter.entityId() != null) {
            sql.append(" AND entity_id = ?");
            args.add(filter.entityId());
        }
        if (filter.action() != null) {
            sql.append(" AND action = ?");
            args.add(filter.action());
        }
        if (filter.from() != null) {
            sql.append(" AND at >= ?");
            args.add(Timestamp.from(filter.from()));
        }
        if (filter.to() != null) {
            sql.append(" AND at < ?");
            args.add(Timestamp.from(filter.to()));
        }
        sql.append(" ORDER BY id DESC LIMIT ?");
        args.add(limit + 1);
        List<AuditEntry> rows = jdbc.query(sql.toString(), (rs, n) -> entry(rs), args.toArray());
        if (rows.size() <= limit) {
            return new AuditPage(rows, null);
        }
        List<AuditEntry> page = rows.subList(0, limit);
        return new AuditPage(List.copyOf(page), encodeCursor(page.getLast().id()));
    }

    /** Whether {@code cursor} is one this trail handed out. */
    public static boolean isCursor(String cursor) {
        try {
            decodeCursor(cursor);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Writes the rows of refused admin calls, one batch. */
    public void recordDenied(List<DeniedAdminCall> calls) {
        jdbc.batchUpdate("INSERT INTO audit_log (at, actor, action, entity_type, entity_name, detail, actor_key_id,"
                + " team_id, client_address) VALUES (?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?)", calls, calls.size(),
                (statement, call) -> {
                    String path = call.path().length() > PATH_LIMIT ? call.path().substring(0, PATH_LIMIT)
                            : call.path();
                    Map<String, Object> detail = new LinkedHashMap<>();
                    detail.put("method", call.method());
                    detail.put("path", path);
                    detail.put("status", call.status());
                    detail.put("reason", call.reason());
                    String target = call.method() + " " + path;
                    statement.setTimestamp(1, Timestamp.from(call.at()));
                    statement.setString(2, truncate(call.actor(), 256));
                    statement.setString(3, DENIED);
                    statement.setString(4, ADMIN_API);
                    statement.setString(5, truncate(target, 128));
                    statement.setString(6, json.writeValueAsString(detail));
                    statement.setObject(7, call.actorKeyId());
                    statement.setObject(8, call.teamId());
                    statement.setString(9, truncate(call.clientAddress(), 64));
                });
    }

    private AuditEntry entry(ResultSet rs) throws SQLException {
        return new AuditEntry(rs.getLong("id"), rs.getTimestamp("at").toInstant(), rs.getString("actor"),
                rs.getObject("actor_key_id", UUID.class), rs.getObject("team_id", UUID.class),
                rs.getString("client_address"), rs.getString("action"), rs.getString("entity_type"),
                rs.getObject("entity_id", UUID.class), rs.getString("entity_name"), map(rs.getString("before")),
                map(rs.getString("detail")));
    }

    private Map<String, Object> map(String value) {
        return value == null ? null : json.readValue(value, MAP);
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    private static String encodeCursor(long id) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("id:" + id).getBytes(StandardCharsets.UTF_8));
    }

    private static long decodeCursor(String cursor) {
        String text;
        try {
            text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a cursor");
        }
        if (!text.startsWith("id:")) {
            throw new IllegalArgumentException("not a cursor");
        }
        try {
            return Long.parseLong(text.substring(3));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a cursor");
        }
    }
}
