package ai.switchboard.gateway.agent.schedule;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.support.CronExpression;

/**
 * Fires agent schedules, on its own thread, every tick interval. Every replica runs one; for each due schedule each
 * tries to claim the firing ({@link JdbcAgentSchedules#claim}) and only the winner starts the run. The next firing is
 * the first after now, not after the missed one: a gateway down for a day fires a schedule once, not once per
 * missed tick.
 */
public final class AgentScheduleTicker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AgentScheduleTicker.class);
    private static final int MAX_ERROR_CHARS = 1_000;

    private final JdbcAgentSchedules jdbc;
    private final ScheduleFiring firing;
    private final Clock clock;
    private final AgentSchedulesProperties properties;
    private volatile ScheduledExecutorService executor;

    public AgentScheduleTicker(JdbcAgentSchedules jdbc, ScheduleFiring firing, Clock clock,
            AgentSchedulesProperties properties) {
        this.jdbc = jdbc;
        this.firing = firing;
        this.clock = clock;
        this.properties = properties;
    }

    /** One pass over the due schedules; returns how many firings this replica won. */
    public int tick() {
        Instant now = clock.instant();
        int won = 0;
        for (DueSchedule due : jdbc.due(now, properties.getBatchSize())) {
            if (jdbc.claim(due.id(), due.dueAt(), next(due.cron(), now), now)) {
                won++;
                fire(due);
            }
        }
        return won;
    }

    private void fire(DueSchedule due) {
        try {
            String runId = firing.fire(due);
            jdbc.fired(due.id(), runId, null);
            log.info("Schedule {} started run {} of agent {}", due.name(), runId, due.agent());
        } catch (RuntimeException e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            jdbc.fired(due.id(), null, reason.length() > MAX_ERROR_CHARS ? reason.substring(0, MAX_ERROR_CHARS)
                    : reason);
            log.warn("Schedule {} could not start a run of agent {}: {}", due.name(), due.agent(), reason);
        }
    }

    private static Instant next(String cron, Instant after) {
        LocalDateTime next = CronExpression.parse(cron).next(LocalDateTime.ofInstant(after, ZoneOffset.UTC));
        return next == null ? null : next.toInstant(ZoneOffset.UTC);
    }

    private void runOnce() {
        try {
            tick();
        } catch (RuntimeException e) {
            log.warn("Agent schedules could not be read; will retry in {}: {}", properties.getTickInterval(),
                    e.toString());
        }
    }

    @Override
    public synchronized void start() {
        if (executor != null || !properties.isEnabled()) {
            return;
        }
        ScheduledExecutorService scheduled = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "agent-schedules");
            thread.setDaemon(true);
            return thread;
        });
        long every = properties.getTickInterval().toMillis();
        scheduled.scheduleWithFixedDelay(this::runOnce, every, every, TimeUnit.MILLISECONDS);
        executor = scheduled;
    }

    @Override
    public synchronized void stop() {
        ScheduledExecutorService scheduled = executor;
        executor = null;
        if (scheduled != null) {
            scheduled.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }
}
