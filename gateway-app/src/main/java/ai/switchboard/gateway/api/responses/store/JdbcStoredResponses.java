package ai.switchboard.gateway.api.responses.store;

import ai.switchboard.providers.json.WireJson;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The SQL of stored responses ({@code V6__stored_responses.sql}). Blocking: callers run it on a bounded scheduler,
 * never on an event loop. Every read checks the owner and the expiry in the same statement, so a response another
 * key created, or one past its retention, is indistinguishable from one that never existed.
 */
public class JdbcStoredResponses {

    private static final String VISIBLE = " r.expires_at > ? AND (r.key_id = ?::uuid OR r.team_id = ?::uuid) ";

    private static final String INSERT_RESPONSE = """
            INSERT INTO stored_response (id, key_id, team_id, previous_response_id, model, status, created_at,
                expires_at, response)
            VALUES (?, ?::uuid, ?::uuid, ?, ?, ?, ?, ?, ?::jsonb)""";

    private static final String INSERT_ITEMS = """
            INSERT INTO stored_response_item (response_id, kind, position, item_id, item)
            SELECT ?, ?, t.position - 1, t.item_id, t.item::jsonb
            FROM unnest(?::varchar[], ?::text[]) WITH ORDINALITY AS t(item_id, item, position)""";

    private static final String FIND = "SELECT r.response::text FROM stored_response r WHERE r.id = ? AND" + VISIBLE;

    private static final String DELETE = "DELETE FROM stored_response r WHERE r.id = ? AND" + VISIBLE;

    /** The chain from the oldest ancestor to {@code id}: each response's input items, then its output items. */
    private static final String CONVERSATION = """
            WITH RECURSIVE chain (id, previous_response_id, depth) AS (
                SELECT r.id, r.previous_response_id, 0 FROM stored_response r WHERE r.id = ? AND""" + VISIBLE + """
                UNION ALL
                SELECT p.id, p.previous_response_id, c.depth + 1
                FROM stored_response p JOIN chain c ON p.id = c.previous_response_id
                WHERE c.depth < ? AND p.expires_at > ?)
            SELECT i.item::text FROM chain c JOIN stored_response_item i ON i.response_id = c.id
            ORDER BY c.depth DESC, i.kind, i.position""";

    private static final String INPUT_PAGE = """
            SELECT i.item::text FROM stored_response_item i
            WHERE i.response_id = ? AND i.kind = 'i' AND i.position %s COALESCE(
                (SELECT a.position FROM stored_response_item a WHERE a.response_id = i.response_id AND a.kind = 'i'
                 AND a.item_id = ?), ?)
            ORDER BY i.position %s LIMIT ?""";

    private static final String CURSOR_EXISTS = """
            SELECT count(*) FROM stored_response_item WHERE response_id = ? AND kind = 'i' AND item_id = ?""";

    private static final String ITEMS_BY_ID = """
            SELECT i.item_id, i.item::text FROM stored_response_item i JOIN stored_response r ON r.id = i.response_id
            WHERE i.item_id = ANY (?::varchar[]) AND""" + VISIBLE;

    private static final String DELETE_EXPIRED = """
            DELETE FROM stored_response WHERE id IN (
                SELECT id FROM stored_response WHERE expires_at <= ? ORDER BY expires_at LIMIT ?
                FOR UPDATE SKIP LOCKED)""";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    public JdbcStoredResponses(JdbcTemplate jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /** Stores a response with its input and output items, in one transaction. */
    public void insert(StoredResponse response) {
        transactions.executeWithoutResult(status -> {
            ResponseOwner owner = response.owner();
            jdbc.update(INSERT_RESPONSE, response.id(), owner.keyId().toString(), text(owner.teamId()),
                    response.previousResponseId(), response.model(), response.status(),
                    Timestamp.from(response.createdAt()), Timestamp.from(response.expiresAt()),
                    response.response().toString());
            insertItems(response.id(), "i", response.inputItems());
            insertItems(response.id(), "o", response.outputItems());
        });
    }

    private void insertItems(String responseId, String kind, List<JsonNode> items) {
        if (items.isEmpty()) {
            return;
        }
        String[] ids = new String[items.size()];
        String[] json = new String[items.size()];
        for (int i = 0; i < items.size(); i++) {
            ids[i] = items.get(i).path("id").asString();
            json[i] = items.get(i).toString();
        }
        jdbc.execute(INSERT_ITEMS, (java.sql.PreparedStatement insert) -> {
            insert.setString(1, responseId);
            insert.setString(2, kind);
            insert.setArray(3, insert.getConnection().createArrayOf("varchar", ids));
            insert.setArray(4, insert.getConnection().createArrayOf("text", json));
            return insert.executeUpdate();
        });
    }

    public Optional<JsonNode> find(ResponseOwner owner, String id, Instant now) {
        List<String> found = jdbc.queryForList(FIND, String.class, id, Timestamp.from(now), owner.keyId().toString(),
                text(owner.teamId()));
        return found.stream().findFirst().map(JdbcStoredResponses::parse);
    }

    public boolean delete(ResponseOwner owner, String id, Instant now) {
        return jdbc.update(DELETE, id, Timestamp.from(now), owner.keyId().toString(), text(owner.teamId())) > 0;
    }

    /** The items of the conversation ending with {@code id}, oldest first; empty when {@code id} is not visible. */
    public List<JsonNode> conversation(ResponseOwner owner, String id, Instant now, int maxDepth) {
        return jdbc.query(CONVERSATION, (row, index) -> parse(row.getString(1)), id, Timestamp.from(now),
                owner.keyId().toString(), text(owner.teamId()), maxDepth, Timestamp.from(now));
    }

    /**
     * Up to {@code limit + 1} input items of a visible response after the cursor, in order ({@code ascending} or
     * not); the caller checks visibility first.
     */
    public List<JsonNode> inputItems(String responseId, String after, boolean ascending, int limit) {
        String sql = INPUT_PAGE.formatted(ascending ? ">" : "<", ascending ? "ASC" : "DESC");
        return jdbc.query(sql, (row, index) -> parse(row.getString(1)), responseId, after,
                ascending ? -1 : Integer.MAX_VALUE, limit + 1);
    }

    /** Whether {@code itemId} is an input item of the response, i.e. a valid cursor. */
    public boolean hasInputItem(String responseId, String itemId) {
        Integer count = jdbc.queryForObject(CURSOR_EXISTS, Integer.class, responseId, itemId);
        return count != null && count > 0;
    }

    /** Stored items by id, of responses the owner can see, for {@code item_reference}. */
    public List<JsonNode> items(ResponseOwner owner, List<String> itemIds, Instant now) {
        List<JsonNode> items = new ArrayList<>(itemIds.size());
        jdbc.query(con -> {
            var query = con.prepareStatement(ITEMS_BY_ID);
            query.setArray(1, con.createArrayOf("varchar", itemIds.toArray()));
            query.setTimestamp(2, Timestamp.from(now));
            query.setString(3, owner.keyId().toString());
            query.setString(4, text(owner.teamId()));
            return query;
        }, row -> {
            items.add(parse(row.getString(2)));
        });
        return items;
    }

    /** Deletes up to {@code batch} expired responses (their items cascade); returns how many. */
    public int deleteExpired(Instant now, int batch) {
        return jdbc.update(DELETE_EXPIRED, Timestamp.from(now), batch);
    }

    private static JsonNode parse(String json) {
        return WireJson.mapper().readTree(json);
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
