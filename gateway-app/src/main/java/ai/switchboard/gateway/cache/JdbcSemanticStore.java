package ai.switchboard.gateway.cache;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.sql.DataSource;

/**
 * The shared semantic tier in PostgreSQL's {@code semantic_cache} table, vectors as {@code real[]}. The database does
 * no search: each replica searches its own memory and reads here only the rows of a partition it has not seen yet, so
 * the table needs no vector extension. One statement per call, each with a timeout.
 */
final class JdbcSemanticStore implements SemanticStore {

    private static final String PUT = "INSERT INTO semantic_cache (partition_key, embedding, body, model,"
            + " input_tokens, output_tokens, cost_usd, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
            + " RETURNING id";
    private static final String AFTER = "SELECT id, embedding, body, model, input_tokens, output_tokens, cost_usd,"
            + " expires_at FROM semantic_cache WHERE partition_key = ? AND id > ? AND expires_at > ? ORDER BY id"
            + " LIMIT ?";
    private static final String DELETE_EXPIRED = "DELETE FROM semantic_cache WHERE expires_at <= ?";

    private final DataSource dataSource;
    private final int timeoutSeconds;

    JdbcSemanticStore(DataSource dataSource, int timeoutSeconds) {
        this.dataSource = dataSource;
        this.timeoutSeconds = timeoutSeconds;
    }

    @Override
    public long put(String partition, float[] unitVector, CachedAnswer answer, long nowMillis) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement put = connection.prepareStatement(PUT)) {
            put.setQueryTimeout(timeoutSeconds);
            Float[] boxed = new Float[unitVector.length];
            for (int i = 0; i < boxed.length; i++) {
                boxed[i] = unitVector[i];
            }
            put.setBytes(1, HexFormat.of().parseHex(partition));
            put.setArray(2, connection.createArrayOf("float4", boxed));
            put.setBytes(3, answer.body());
            put.setString(4, answer.model());
            put.setLong(5, answer.inputTokens());
            put.setLong(6, answer.outputTokens());
            put.setBigDecimal(7, answer.costUsd());
            put.setTimestamp(8, new Timestamp(nowMillis));
            put.setTimestamp(9, new Timestamp(answer.expiresAtMillis()));
            try (ResultSet id = put.executeQuery()) {
                id.next();
                return id.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("semantic cache write failed: " + e.getMessage(), e);
        }
    }

    @Override
    public List<SemanticIndex.Entry> after(String partition, long afterId, long nowMillis, int limit) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement after = connection.prepareStatement(AFTER)) {
            after.setQueryTimeout(timeoutSeconds);
            after.setBytes(1, HexFormat.of().parseHex(partition));
            after.setLong(2, afterId);
            after.setTimestamp(3, new Timestamp(nowMillis));
            after.setInt(4, limit);
            List<SemanticIndex.Entry> entries = new ArrayList<>();
            try (ResultSet row = after.executeQuery()) {
                while (row.next()) {
                    entries.add(new SemanticIndex.Entry(floats(row.getArray(2)), new CachedAnswer(row.getBytes(3),
                            row.getString(4), row.getLong(5), row.getLong(6), row.getBigDecimal(7),
                            row.getTimestamp(8).getTime()), row.getLong(1)));
                }
            }
            return entries;
        } catch (SQLException e) {
            throw new IllegalStateException("semantic cache read failed: " + e.getMessage(), e);
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
            throw new IllegalStateException("semantic cache clean-up failed: " + e.getMessage(), e);
        }
    }

    private static float[] floats(Array array) throws SQLException {
        Object[] values = (Object[]) array.getArray();
        float[] vector = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            vector[i] = ((Number) values[i]).floatValue();
        }
        return vector;
    }
}
