package ai.switchboard.registry.snapshot;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The global registry revision and its change notification. Bumping takes the row lock on {@code registry_revision},
 * so concurrent admin writes commit in revision order; the NOTIFY is delivered by PostgreSQL only when (and if) the
 * surrounding transaction commits.
 */
@Component
public class RegistryRevisions {

    /** The PostgreSQL channel every replica listens on; the payload is the new revision. */
    public static final String CHANNEL = "switchboard_registry";

    private final JdbcTemplate jdbc;

    public RegistryRevisions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The committed revision. */
    public long current() {
        Long revision = jdbc.queryForObject("SELECT revision FROM registry_revision", Long.class);
        return revision == null ? 0 : revision;
    }

    /** Increments the revision and queues the notification; must run inside the change's transaction. */
    public long bumpAndNotify() {
        Long revision = jdbc.queryForObject(
                "UPDATE registry_revision SET revision = revision + 1 RETURNING revision", Long.class);
        long value = revision == null ? 0 : revision;
        jdbc.query("SELECT pg_notify(?, ?)", rs -> null, CHANNEL, Long.toString(value));
        return value;
    }
}
