package ai.switchboard.registry.history;

import ai.switchboard.registry.declarative.DeclarativeSection;
import ai.switchboard.registry.snapshot.RegistryLifecycle;
import ai.switchboard.registry.snapshot.RegistryRevisions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * At start-up, records a {@code baseline} version of every entity that has none (entities made before history was
 * kept, or of a type that just started keeping it), so the registry can be rebuilt at any revision from then on.
 * Replicas starting together take turns (an advisory lock), and a later start finds nothing to record.
 */
@Component
public class HistoryBaseline implements SmartLifecycle {

    /** The actor of baseline versions. */
    public static final String ACTOR = "system:history-baseline";

    private static final long LOCK = 0x5377_6974_6368_0017L;
    private static final Logger log = LoggerFactory.getLogger(HistoryBaseline.class);

    private final List<DeclarativeSection> sections;
    private final HistoryStore store;
    private final RegistryRevisions revisions;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private volatile boolean running;

    public HistoryBaseline(List<DeclarativeSection> sections, HistoryStore store, RegistryRevisions revisions,
            JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.sections = sections;
        this.store = store;
        this.revisions = revisions;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactions);
    }

    @Override
    public void start() {
        Integer recorded = transactions.execute(status -> record());
        if (recorded != null && recorded > 0) {
            log.info("Recorded the baseline version of {} registry entities", recorded);
        }
        running = true;
    }

    private int record() {
        jdbc.query("SELECT pg_advisory_xact_lock(?)", rows -> null, LOCK);
        long revision = revisions.current();
        Instant now = Instant.now();
        List<HistoryStore.NewVersion> versions = new ArrayList<>();
        for (Map.Entry<String, DeclarativeSection> typed : HistorySections.byType(sections).entrySet()) {
            String type = typed.getKey();
            Set<String> known = store.knownNames(type);
            for (Map.Entry<String, JsonNode> entry : HistorySections.liveByName(typed.getValue()).entrySet()) {
                if (!known.contains(entry.getKey())) {
                    versions.add(new HistoryStore.NewVersion(type, store.auditedId(type, entry.getKey()).orElse(null),
                            entry.getKey(), revision, HistoryStore.BASELINE, entry.getValue(), ACTOR, null, now));
                }
            }
        }
        store.insert(versions);
        return versions.size();
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /**
     * Before the registry lifecycle (bootstrap key) and the declarative file, whose changes are recorded as they are
     * made: so an existing registry's first history row of each kind is its baseline.
     */
    @Override
    public int getPhase() {
        return RegistryLifecycle.PHASE - 1;
    }
}
