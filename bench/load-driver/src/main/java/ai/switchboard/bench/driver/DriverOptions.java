package ai.switchboard.bench.driver;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The command line of {@link LoadDriver}.
 *
 * @param url the chat completions URL
 * @param key the bearer key, or empty for none (the mock needs none)
 * @param model the model name to send
 * @param stream whether to ask for a server-sent event stream
 * @param concurrency closed loop: how many requests are kept in flight
 * @param rate open loop: requests per second on a fixed schedule; 0 means closed loop
 * @param maxInFlight open loop: the most requests outstanding; later ones wait and their wait counts as latency
 * @param warmup how long to run before measuring
 * @param duration how long to measure
 * @param eventLoops the driver's Netty event loops; few, so the driver leaves the cores to the system under test
 */
record DriverOptions(URI url, String key, String model, boolean stream, int concurrency, int rate, int maxInFlight,
        Duration warmup, Duration duration, int eventLoops) {

    static DriverOptions parse(String[] args) {
        Map<String, String> flags = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("Expected --flag value pairs, got: " + args[i] + "\n" + USAGE);
            }
            flags.put(args[i].substring(2), args[++i]);
        }
        if (!flags.containsKey("url")) {
            throw new IllegalArgumentException("--url is required\n" + USAGE);
        }
        DriverOptions options = new DriverOptions(URI.create(flags.get("url")), flags.getOrDefault("key", ""),
                flags.getOrDefault("model", "bench-model"), Boolean.parseBoolean(flags.getOrDefault("stream", "false")),
                Integer.parseInt(flags.getOrDefault("concurrency", "1")),
                Integer.parseInt(flags.getOrDefault("rate", "0")),
                Integer.parseInt(flags.getOrDefault("max-in-flight", "256")),
                Duration.ofMillis((long) (1000 * Double.parseDouble(flags.getOrDefault("warmup-s", "2")))),
                Duration.ofMillis((long) (1000 * Double.parseDouble(flags.getOrDefault("duration-s", "10")))),
                Integer.parseInt(flags.getOrDefault("event-loops", "1")));
        if (options.concurrency < 1 || options.rate < 0 || options.maxInFlight < 1 || options.eventLoops < 1) {
            throw new IllegalArgumentException("concurrency, max-in-flight and event-loops must be positive\n" + USAGE);
        }
        // Bounded runs only: the harness promises to finish.
        if (options.duration.isZero() || options.duration.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalArgumentException("duration-s must be in (0, 3600]\n" + USAGE);
        }
        return options;
    }

    boolean openLoop() {
        return rate > 0;
    }

    static final String USAGE = "Usage: LoadDriver --url URL [--key K] [--model M] [--stream true|false]"
            + " [--concurrency 1] [--rate 0 (open loop rps)] [--max-in-flight 256] [--warmup-s 2] [--duration-s 10]"
            + " [--event-loops 1]";
}
