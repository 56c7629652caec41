package ai.switchboard.registry.snapshot;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Learns of registry changes made by other replicas: a daemon thread holds one connection in {@code LISTEN} and
 * rebuilds the snapshot when a notification carries a newer revision. When the database goes away it reconnects with
 * exponential backoff and, once back, catches up on anything it missed while disconnected.
 */
public class RegistryChangeListener {

    private static final Logger log = LoggerFactory.getLogger(RegistryChangeListener.class);
    private static final int POLL_MILLIS = 500;
    private static final Duration INITIAL_BACKOFF = Duration.ofMillis(100);
    // getNotifications only reads the socket; a query now and then notices a peer that vanished without a reset.
    private static final long PING_EVERY_NANOS = Duration.ofSeconds(10).toNanos();

    private final DataSource dataSource;
    private final RegistrySnapshotManager snapshots;
    private final Duration maxBackoff;
    private volatile boolean running;
    private volatile boolean listening;
    private Thread thread;

    public RegistryChangeListener(DataSource dataSource, RegistrySnapshotManager snapshots, Duration maxBackoff) {
        this.dataSource = dataSource;
        this.snapshots = snapshots;
        this.maxBackoff = maxBackoff;
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = new Thread(this::run, "registry-listener");
        thread.setDaemon(true);
        thread.start();
    }

    public synchronized void stop() {
        running = false;
        Thread current = thread;
        thread = null;
        if (current != null) {
            current.interrupt();
            try {
                current.join(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Whether a LISTEN connection is currently open (for health reporting and tests). */
    public boolean isListening() {
        return listening;
    }

    private void run() {
        Duration backoff = INITIAL_BACKOFF;
        boolean failing = false;
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                PGConnection pg = connection.unwrap(PGConnection.class);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + RegistryRevisions.CHANNEL);
                    listening = true;
                    if (failing) {
                        log.info("Registry change listener reconnected");
                    }
                    failing = false;
                    backoff = INITIAL_BACKOFF;
                    // Changes committed while we were not listening raised no notification for us.
                    snapshots.refreshIfChanged();
                    listen(pg, statement);
                }
            } catch (SQLException | RuntimeException e) {
                listening = false;
                if (!running) {
                    return;
                }
                if (!failing) {
                    log.warn("Registry change listener lost its database connection, retrying: {}", e.toString());
                    failing = true;
                } else {
                    log.debug("Registry change listener still cannot connect: {}", e.toString());
                }
                if (!pause(backoff)) {
                    return;
                }
                backoff = backoff.multipliedBy(2).compareTo(maxBackoff) > 0 ? maxBackoff : backoff.multipliedBy(2);
            } finally {
                listening = false;
            }
        }
    }

    private void listen(PGConnection pg, Statement statement) throws SQLException {
        long lastActivity = System.nanoTime();
        while (running) {
            PGNotification[] notifications = pg.getNotifications(POLL_MILLIS);
            long now = System.nanoTime();
            if (notifications != null && notifications.length > 0) {
                lastActivity = now;
                if (newestRevision(notifications) > snapshots.current().version()) {
                    snapshots.refresh();
                }
            } else if (now - lastActivity > PING_EVERY_NANOS) {
                statement.execute("SELECT 1");
                lastActivity = now;
            }
        }
    }

    private static long newestRevision(PGNotification[] notifications) {
        long newest = Long.MIN_VALUE;
        for (PGNotification notification : notifications) {
            try {
                newest = Math.max(newest, Long.parseLong(notification.getParameter()));
            } catch (NumberFormatException e) {
                newest = Long.MAX_VALUE; // unknown payload: rebuild to be safe
            }
        }
        return newest;
    }

    private boolean pause(Duration duration) {
        try {
            Thread.sleep(duration);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
