package ai.switchboard.gateway.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gateway as an operating-system process on its embedded database, stopped the two ways production stops it,
 * each under load (concurrent JSON and streaming requests):
 * <ul>
 * <li>SIGTERM: requests and streams in flight finish, the usage ledger is flushed, the database stops last; after a
 *     restart on the same data directory the ledger holds exactly one row per answered request. The restarted, idle
 *     gateway then stops on SIGTERM too, cleanly.</li>
 * <li>SIGKILL: the embedded PostgreSQL outlives its gateway; the next start on the same data directory stops it and
 *     comes up the first time, with the registry and the rows written before the kill.</li>
 * </ul>
 */
class ShutdownAndCrashIT {

    private static final String ADMIN_KEY = "sk-sb-shutdown-test-admin-key";
    private static final String FAST_MODEL = "fast-model";
    private static final String HELD_MODEL = "held-model";
    private static final int LOOPS = 16;
    private static final int HELD_REQUESTS = 16;
    private static final int ANSWERED_BEFORE_SIGNAL = 300;
    private static final Duration START_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration EXIT_TIMEOUT = Duration.ofMinutes(2);

    // Kept when a test fails: the gateways' logs and the data directory are what explains it.
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path work;

    private final List<GatewayProcess> gateways = new ArrayList<>();
    private GatedUpstream upstream;

    @BeforeEach
    void startUpstream() throws Exception {
        upstream = new GatedUpstream();
    }

    @AfterEach
    void stopEverything() throws Exception {
        upstream.release();
        for (GatewayProcess gateway : gateways) {
            gateway.close();
        }
        upstream.close();
    }

    @Test
    void sigtermUnderLoadAnswersWhatIsInFlightLosesNoUsageAndStopsTheDatabaseLast() throws Exception {
        Path data = work.resolve("data");
        Started first = start(data, "first");
        ChatTraffic traffic = underLoad(first);
        List<CompletableFuture<Void>> held = new ArrayList<>();
        for (int i = 0; i < HELD_REQUESTS; i++) {
            held.add(traffic.sendAsync(HELD_MODEL, i % 2 == 0));
        }
        assertThat(upstream.awaitHeld(HELD_REQUESTS, Duration.ofMinutes(2))).as("held requests reached upstream")
                .isTrue();
        awaitAnswered(traffic, ANSWERED_BEFORE_SIGNAL, first.process());
        long postgres = postmasterPid(data);

        first.process().handle().destroy();
        first.process().awaitLog("Commencing graceful shutdown", EXIT_TIMEOUT);
        // Only now may the held requests (half of them streams, each stopped after its first chunk) finish.
        upstream.release();
        CompletableFuture.allOf(held.toArray(CompletableFuture[]::new)).get(2, TimeUnit.MINUTES);
        assertThat(first.process().awaitExit(EXIT_TIMEOUT)).as("exited after SIGTERM").isTrue();
        traffic.stop();

        String log = first.process().log();
        assertThat(traffic.unexpected()).isEmpty();
        assertThat(log).containsSubsequence("Commencing graceful shutdown", "Graceful shutdown complete",
                "Usage ledger writer stopped", "registry - Shutdown completed", "shut down postmaster");
        assertThat(log).doesNotContain("are lost").doesNotContain("arrived after the ledger writer stopped")
                .doesNotContain("lost its database connection").doesNotContain("Could not write");
        assertStoppedCleanly(data, postgres);

        Started second = start(data, "second");
        Map<String, Integer> ledger = ledgerStatuses(data);
        assertThat(traffic.answeredIds()).hasSize(traffic.answered());
        assertThat(ledger.keySet()).as("every answered request has its ledger row").containsAll(traffic.answeredIds());
        // A request that reached the gateway as its listener closed an idle connection got no answer, and costs
        // nothing (no upstream call); its row says so: 499, the connection was closed.
        Map<String, Integer> unanswered = new HashMap<>(ledger);
        unanswered.keySet().removeAll(traffic.answeredIds());
        assertThat(unanswered.values()).as("rows without an answer").allMatch(status -> status == 499);
        assertThat(unanswered.size()).isLessThanOrEqualTo(traffic.unanswered());

        long idlePostgres = postmasterPid(data);
        long signalled = System.nanoTime();
        second.process().handle().destroy();
        assertThat(second.process().awaitExit(EXIT_TIMEOUT)).as("the idle gateway exited after SIGTERM").isTrue();
        System.out.printf("ShutdownAndCrashIT: SIGTERM under load: %d answered, all in the ledger, plus %d rows of"
                + " requests cut off unanswered; %d refused while shutting down; the idle gateway exited %d ms after"
                + " SIGTERM%n", traffic.answered(), unanswered.size(), traffic.refused(),
                Duration.ofNanos(System.nanoTime() - signalled).toMillis());
        assertThat(second.process().log()).contains("shut down postmaster").doesNotContain(" ERROR ");
        assertStoppedCleanly(data, idlePostgres);
    }

    @Test
    void afterSigkillUnderLoadTheNextStartStopsTheOrphanedDatabaseAndComesUpAtOnce() throws Exception {
        Path data = work.resolve("data");
        Started first = start(data, "first");
        ChatTraffic traffic = underLoad(first);
        awaitAnswered(traffic, ANSWERED_BEFORE_SIGNAL, first.process());
        long orphan = postmasterPid(data);

        first.process().kill();
        traffic.stop();
        assertThat(ProcessHandle.of(orphan).filter(ProcessHandle::isAlive))
                .as("the killed gateway's PostgreSQL outlives it").isPresent();

        Started second = start(data, "second");
        assertThat(second.process().log()).contains("left behind by a gateway that did not shut down");
        assertThat(ProcessHandle.of(orphan).filter(ProcessHandle::isAlive)).as("the orphan was stopped").isEmpty();
        int rows = ledgerStatuses(data).size();
        System.out.printf("ShutdownAndCrashIT: SIGKILL after %d answered requests; %d ledger rows kept%n",
                traffic.answered(), rows);
        // Rows written before the kill survive; a request in flight at the kill may have its row without an answer.
        assertThat(rows).isPositive().isLessThanOrEqualTo(traffic.answered() + traffic.unanswered());
        // The registry came back with it: the same key still serves.
        ChatTraffic after = new ChatTraffic(second.base(), traffic.key());
        after.sendAsync(FAST_MODEL, true).get(1, TimeUnit.MINUTES);
        assertThat(after.answered()).isOne();
        assertThat(after.unexpected()).isEmpty();
    }

    private record Started(GatewayProcess process, String base) {
    }

    private Started start(Path data, String name) throws Exception {
        int port = GatewayProcess.freePort();
        ProcessBuilder builder = GatewayProcess.applicationMain(
                List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
        builder.environment().remove("SWITCHBOARD_DATABASE_URL");
        builder.environment().put("SWITCHBOARD_PORT", Integer.toString(port));
        builder.environment().put("SWITCHBOARD_DATA_DIR", data.toString());
        builder.environment().put("SWITCHBOARD_ADMIN_KEY", ADMIN_KEY);
        builder.environment().put("SERVER_ADDRESS", "127.0.0.1");
        builder.environment().put("LOGGING_LEVEL_SWITCHBOARD_ACCESS", "WARN");
        GatewayProcess gateway = GatewayProcess.start(builder, work.resolve(name + ".log"));
        gateways.add(gateway);
        String base = "http://127.0.0.1:" + port;
        gateway.awaitReady(base + "/actuator/health/readiness", START_TIMEOUT);
        return new Started(gateway, base);
    }

    /** Registers the gated upstream's models and a key, and starts the request loops on the fast model. */
    private ChatTraffic underLoad(Started gateway) throws Exception {
        GatewayAdmin admin = new GatewayAdmin(gateway.base(), ADMIN_KEY);
        admin.provider("gated", upstream.baseUrl());
        admin.model(FAST_MODEL, "gated", GatedUpstream.FAST);
        admin.model(HELD_MODEL, "gated", GatedUpstream.HELD);
        ChatTraffic traffic = new ChatTraffic(gateway.base(), admin.inferenceKey("traffic"));
        traffic.startLoops(FAST_MODEL, LOOPS);
        return traffic;
    }

    private static void awaitAnswered(ChatTraffic traffic, int count, GatewayProcess gateway) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (traffic.answered() < count) {
            assertThat(traffic.unexpected()).isEmpty();
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Only " + traffic.answered() + " requests answered:\n" + gateway.tail());
            }
            Thread.sleep(20);
        }
    }

    private static void assertStoppedCleanly(Path data, long postgres) throws Exception {
        assertThat(data.resolve("postgres/postmaster.pid")).as("PostgreSQL removes its lock file when it stops")
                .doesNotExist();
        // pg_ctl returns once the lock file is gone; the postmaster's exit follows a moment later.
        Optional<ProcessHandle> server = ProcessHandle.of(postgres);
        if (server.isPresent()) {
            server.get().onExit().get(30, TimeUnit.SECONDS);
        }
    }

    private static long postmasterPid(Path data) throws Exception {
        return Long.parseLong(Files.readAllLines(data.resolve("postgres/postmaster.pid")).get(0).strip());
    }

    /** The ledger's rows (request id to status) in the embedded database a running gateway started. */
    private static Map<String, Integer> ledgerStatuses(Path data) throws Exception {
        String port = Files.readAllLines(data.resolve("postgres/postmaster.pid")).get(3).strip();
        Map<String, Integer> rows = new HashMap<>();
        try (Connection connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres",
                "postgres", "");
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT request_id, status FROM usage_ledger")) {
            while (result.next()) {
                assertThat(rows.put(result.getString(1), result.getInt(2))).as("one row per request").isNull();
            }
        }
        return rows;
    }
}
