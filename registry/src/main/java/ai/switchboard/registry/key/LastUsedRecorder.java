package ai.switchboard.registry.key;

import ai.switchboard.registry.config.RegistryProperties;
import ai.switchboard.registry.config.RegistrySchedulerConfiguration;
import ai.switchboard.registry.snapshot.RegistryLifecycle;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.scheduler.Scheduler;

/**
 * Keeps {@code api_keys.last_used_at} off the request path. Authentication {@link #touch touches} a key in memory:
 * the first use after a flush puts the key and its time in a concurrent map, later uses only find it there (a
 * lock-free read). A task on the registry scheduler writes what was touched every
 * {@code switchboard.registry.last-used-interval} (a minute by default) in one {@code UPDATE}, so a key's row is
 * written at most about once per interval however busy it is, and {@code last_used_at} is accurate to that interval.
 * A failed write keeps its entries for the next one; stopping flushes what is left.
 */
@Component
public class LastUsedRecorder implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LastUsedRecorder.class);

    /** Sets each key's time unless a later one is stored (another replica may have written it). */
    private static final String UPDATE = "UPDATE api_keys AS k SET last_used_at = to_timestamp(u.ms / 1000.0) "
            + "FROM unnest(?::uuid[], ?::bigint[]) AS u(id, ms) "
            + "WHERE k.id = u.id AND (k.last_used_at IS NULL OR k.last_used_at < to_timestamp(u.ms / 1000.0))";

    private final ConcurrentHashMap<UUID, Long> touched = new ConcurrentHashMap<>();
    private final JdbcTemplate jdbc;
    private final Scheduler scheduler;
    private final Duration interval;
    private final Clock clock;
    private volatile Disposable task;

    @Autowired
    public LastUsedRecorder(JdbcTemplate jdbc,
            @Qualifier(RegistrySchedulerConfiguration.REGISTRY_SCHEDULER) Scheduler scheduler,
            RegistryProperties properties, ObjectProvider<Clock> clock) {
        this(jdbc, scheduler, properties.getLastUsedInterval(), clock.getIfAvailable(Clock::systemUTC));
    }

    public LastUsedRecorder(JdbcTemplate jdbc, Scheduler scheduler, Duration interval, Clock clock) {
        this.jdbc = jdbc;
        this.scheduler = scheduler;
        this.interval = interval;
        this.clock = clock;
    }

    /** Notes that the key was used now. Called on the request path: never blocks, allocates once per interval. */
    public void touch(UUID keyId) {
        if (!touched.containsKey(keyId)) {
            touched.putIfAbsent(keyId, clock.millis());
        }
    }

    /** Writes every touched key's time in one statement; returns how many keys it wrote. Blocking (JDBC). */
    public int flush() {
        List<UUID> ids = new ArrayList<>();
        List<Long> times = new ArrayList<>();
        for (Map.Entry<UUID, Long> entry : touched.entrySet()) {
            if (touched.remove(entry.getKey(), entry.getValue())) {
                ids.add(entry.getKey());
                times.add(entry.getValue());
            }
        }
        if (ids.isEmpty()) {
            return 0;
        }
        try {
            jdbc.update(connection -> {
                PreparedStatement statement = connection.prepareStatement(UPDATE);
                Array idArray = connection.createArrayOf("uuid", ids.toArray());
                Array timeArray = connection.createArrayOf("int8", times.toArray());
                statement.setArray(1, idArray);
                statement.setArray(2, timeArray);
                return statement;
            });
            return ids.size();
        } catch (DataAccessException e) {
            // Put them back (a newer touch since wins) so the next flush tries again.
            for (int i = 0; i < ids.size(); i++) {
                touched.putIfAbsent(ids.get(i), times.get(i));
            }
            log.warn("Could not record last use of {} key(s); will retry: {}", ids.size(), e.getMessage());
            return 0;
        }
    }

    @Override
    public void start() {
        if (task == null) {
            task = scheduler.schedulePeriodically(this::flush, interval.toMillis(), interval.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void stop() {
        Disposable running = task;
        task = null;
        if (running != null) {
            running.dispose();
            flush();
        }
    }

    @Override
    public boolean isRunning() {
        return task != null;
    }

    /** Starts after the registry is up; stops (and flushes) before it, while the database is still there. */
    @Override
    public int getPhase() {
        return RegistryLifecycle.PHASE + 2;
    }
}
