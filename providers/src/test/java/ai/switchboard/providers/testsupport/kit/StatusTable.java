package ai.switchboard.providers.testsupport.kit;

import ai.switchboard.providers.api.ErrorType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The upstream status table every adapter is held to, published in {@code docs/provider-errors.md} (a test keeps
 * the two in step). A fixture may replace or add rows where its provider documents a status differently, e.g.
 * Anthropic's 529 {@code overloaded_error}.
 */
public final class StatusTable {

    /** The delay the kit's 429 stub asks for. */
    public static final Duration RATE_LIMIT_DELAY = Duration.ofSeconds(7);

    private final Map<Integer, StatusRow> rows;

    private StatusTable(Map<Integer, StatusRow> rows) {
        this.rows = rows;
    }

    /** The rows that hold for every provider unless its fixture overrides them. */
    public static StatusTable defaults() {
        Map<Integer, StatusRow> rows = new TreeMap<>();
        for (StatusRow row : List.of(
                StatusRow.of(400, ErrorType.INVALID_REQUEST, 400),
                StatusRow.of(401, ErrorType.AUTHENTICATION, 401),
                StatusRow.of(403, ErrorType.PERMISSION, 403),
                StatusRow.of(404, ErrorType.NOT_FOUND, 404),
                StatusRow.of(413, ErrorType.REQUEST_TOO_LARGE, 413),
                StatusRow.of(429, ErrorType.RATE_LIMITED, 429).withRetryAfter(RATE_LIMIT_DELAY),
                StatusRow.of(500, ErrorType.UPSTREAM_SERVER_ERROR, 502),
                StatusRow.of(502, ErrorType.UPSTREAM_SERVER_ERROR, 502),
                StatusRow.of(503, ErrorType.UPSTREAM_UNAVAILABLE, 503),
                StatusRow.of(504, ErrorType.TIMEOUT, 504))) {
            rows.put(row.upstreamStatus(), row);
        }
        return new StatusTable(rows);
    }

    /** A copy with {@code row} replacing the row for its status, or added. */
    public StatusTable with(StatusRow row) {
        Map<Integer, StatusRow> copy = new TreeMap<>(rows);
        copy.put(row.upstreamStatus(), row);
        return new StatusTable(copy);
    }

    /** The rows, by ascending upstream status. */
    public List<StatusRow> rows() {
        return List.copyOf(rows.values());
    }
}
