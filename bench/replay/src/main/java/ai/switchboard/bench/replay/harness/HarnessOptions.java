package ai.switchboard.bench.replay.harness;

import ai.switchboard.bench.replay.Flags;
import ai.switchboard.bench.replay.record.Recordings;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

/**
 * The harness's command line.
 *
 * @param gateway the gateway's base URL
 * @param adminKey an admin key of that gateway
 * @param sources where the recordings are
 * @param concurrency requests in flight at once
 * @param streamEvery every n-th prompt is sent as a stream (0: none)
 * @param out the folder for the table, the plot and the JSON
 * @param ledgerWaitSeconds how long to wait for the usage ledger to record every request
 */
record HarnessOptions(URI gateway, String adminKey, Recordings.Sources sources, int concurrency, int streamEvery,
        Path out, int ledgerWaitSeconds) {

    static final String USAGE = "Usage: ReplayHarness --gateway http://127.0.0.1:18090 --admin-key KEY"
            + " [--routellm DIR] [--routerarena DIR] [--routerarena-models a,b] [--limit N] [--concurrency 8]"
            + " [--stream-every 4] [--out bench/results] [--ledger-wait-s 60]";

    static HarnessOptions parse(String[] args) {
        Map<String, String> flags = Flags.parse(args);
        String gateway = flags.remove("gateway");
        String adminKey = flags.remove("admin-key");
        if (adminKey == null) {
            adminKey = System.getenv("SWITCHBOARD_ADMIN_KEY");
        }
        if (gateway == null || adminKey == null) {
            throw new IllegalArgumentException("--gateway and --admin-key are required\n" + USAGE);
        }
        Recordings.Sources sources = Recordings.Sources.from(flags);
        int concurrency = integer(flags.remove("concurrency"), 8);
        int streamEvery = integer(flags.remove("stream-every"), 4);
        String out = flags.remove("out");
        int ledgerWait = integer(flags.remove("ledger-wait-s"), 60);
        Flags.requireConsumed(flags);
        if (concurrency < 1 || streamEvery < 0 || ledgerWait < 1) {
            throw new IllegalArgumentException("--concurrency and --ledger-wait-s must be positive, --stream-every"
                    + " not negative");
        }
        return new HarnessOptions(URI.create(gateway), adminKey, sources, concurrency, streamEvery,
                Path.of(out == null ? "bench/results" : out), ledgerWait);
    }

    private static int integer(String value, int fallback) {
        return value == null ? fallback : Integer.parseInt(value);
    }
}
