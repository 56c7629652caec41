package ai.switchboard.gateway.cache;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The shared tier in PostgreSQL's {@code response_cache} table (unlogged: a cache may be lost in a crash). One
 * statement per call, each with a timeout, so a slow database holds a cache thread for a bounded time.
 */
final class JdbcSharedCacheStore implements SharedCacheStore {

    private static final String FIND = "SELECT body, model, input_tokens, output_tokens, cost_usd, expires_at"
            + " FROM response_cache WHERE cache_key = ? AND expires_at > ?";
    private static final String PUT = "INSERT INTO response_cache (cache_key, body, model, input_tokens,"
            + " output_tokens, cost_usd, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (cache_key) DO UPDATE SET body = excluded.body, model = excluded.model,"
            + " input_tokens = excluded.input_tokens, output_tokens = excluded.output_tokens,"
            + " cost_usd = excluded.cost_usd, created_at = excluded.created_at, expires_at = excluded.expires_at";
    private static final String DELETE_EXPIRED = "DELETE FROM response_cache WHERE expires_at <= ?";

    private final DataSource dataSource;
    private final int timeoutSeconds;

    JdbcSharedCacheStore(DataSource dataSource, int timeoutSeconds) {
        this.dataSource = dataSource;
        this.timeoutSeconds = timeoutSeconds;
    }

    @Override
    public CachedAnswer find(String key, long nowMillis) {
        return findAll(List.of(key), nowMillis).get(key);
    }

    @Override
    public Map<String, CachedAnswer> findAll(List<String> keys, long nowMillis) {
        Map<String, CachedAnswer> found = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement find = connection.prepareStatement(FIND)) {
            find.setQueryTimeout(timeoutSeconds);
            for (String key : keys) {
                find.setBytes(1, HexFormat.of().parseHex(key));
                find.setTimestamp(2, new Timestamp(nowMillis));
                try (ResultSet row = find.executeQuery()) {
                    if (row.next()) {
                        found.put(key, new CachedAnswer(row.getBytes(1), row.getString(2), row.getLong(3),
                                row.getLong(4), row.getBigDecimal(5), row.getTimestamp(6).getTime()));
                    }
                }
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException("shared cache read failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void put(String key, CachedAnswer answer, long nowMillis) {
        putAll(Map.of(key, answer), nowMillis);
    }

    @Override
    public void putAll(Map<String, CachedAnswer> answers, long nowMillis) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement put = connection.prepareStatement(PUT)) {
            put.setQueryTimeout(timeoutSeconds);
            for (Map.Entry<String, CachedAnswer> entry : answers.entrySet()) {
                CachedAnswer answer = entry.getValue();
                put.setBytes(1, HexFormat.of().parseHex(entry.getKey()));
                put.setBytes(2, answer.body());
                put.setString(3, answer.model());
                put.setLong(4, answer.inputTokens());
                put.setLong(5, answer.outputTokens());
                put.setBigDecimal(6, answer.costUsd());
                put.setTimestamp(7, new Timestamp(nowMillis));
                put.setTimestamp(8, new Timestamp(answer.expiresAtMillis()));
                put.addBatch();
            }
            put.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("shared cache write failed: " + e.getMessage(), e);
        }
    }

    @Override
    public int deleteExpired(long nowMillis) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement(DELETE_EXPIRED)) {
            delete.setQueryTimeout(timeoutSeconds);
            delete.setTimestamp(1, new Timestamp(nowMillis));
            return delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("shared cache clean-up failed: " + e.getMessage(), e);
        }
    }
}
