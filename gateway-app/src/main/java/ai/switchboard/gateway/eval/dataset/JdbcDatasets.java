package ai.switchboard.gateway.eval.dataset;

import ai.switchboard.providers.json.WireJson;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** The SQL of datasets and their cases ({@code V19__evaluations.sql}). Blocking: for the registry scheduler. */
public class JdbcDatasets {

    private static final String COLUMNS = """
            d.id, d.name, d.description, d.grader::text, d.template::text, d.created_at, d.updated_at,
            (SELECT count(*) FROM eval_cases c WHERE c.dataset_id = d.id)""";

    private final JdbcTemplate jdbc;

    public JdbcDatasets(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(UUID id, String name, String description, JsonNode grader, JsonNode template, Instant now) {
        jdbc.update("""
                INSERT INTO eval_datasets (id, name, description, grader, template, created_at, updated_at)
                VALUES (?, ?, ?, ?::jsonb, ?::jsonb, ?, ?)""", id, name, description, grader.toString(),
                template == null ? null : template.toString(), Timestamp.from(now), Timestamp.from(now));
    }

    public boolean exists(String name) {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT exists(SELECT 1 FROM eval_datasets WHERE name = ?)",
                Boolean.class, name));
    }

    /** By id or name; with {@code lock}, the row stays locked to the transaction (imports append one at a time). */
    public Optional<DatasetView> find(UUID id, String name, boolean lock) {
        String sql = "SELECT " + COLUMNS + " FROM eval_datasets d WHERE " + (id != null ? "d.id = ?" : "d.name = ?")
                + (lock ? " FOR UPDATE" : "");
        return jdbc.query(sql, JdbcDatasets::dataset, id != null ? id : name).stream().findFirst();
    }

    public List<DatasetView> list() {
        return jdbc.query("SELECT " + COLUMNS + " FROM eval_datasets d ORDER BY d.name", JdbcDatasets::dataset);
    }

    public List<DatasetCase> cases(UUID datasetId) {
        return jdbc.query("""
                SELECT seq, label, input::text, expected::text, grader::text FROM eval_cases
                WHERE dataset_id = ? ORDER BY seq""", (rs, row) -> new DatasetCase(rs.getInt(1), rs.getString(2),
                json(rs.getString(3)), json(rs.getString(4)), json(rs.getString(5))), datasetId);
    }

    public void insertCases(UUID datasetId, List<DatasetCase> cases, Instant now) {
        jdbc.batchUpdate("""
                INSERT INTO eval_cases (dataset_id, seq, label, input, expected, grader)
                VALUES (?, ?, ?, ?::jsonb, ?::jsonb, ?::jsonb)""", cases, 500, (ps, c) -> {
            ps.setObject(1, datasetId);
            ps.setInt(2, c.seq());
            ps.setString(3, c.label());
            ps.setString(4, c.input().toString());
            ps.setString(5, c.expected() == null ? null : c.expected().toString());
            ps.setString(6, c.grader() == null ? null : c.grader().toString());
        });
        jdbc.update("UPDATE eval_datasets SET updated_at = ? WHERE id = ?", Timestamp.from(now), datasetId);
    }

    public boolean delete(UUID id) {
        return jdbc.update("DELETE FROM eval_datasets WHERE id = ?", id) == 1;
    }

    private static DatasetView dataset(ResultSet rs, int row) throws SQLException {
        return new DatasetView(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), json(rs.getString(4)),
                json(rs.getString(5)), rs.getInt(8), rs.getTimestamp(6).toInstant(), rs.getTimestamp(7).toInstant(),
                null);
    }

    private static JsonNode json(String text) {
        return text == null ? null : WireJson.mapper().readTree(text);
    }
}
