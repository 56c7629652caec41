package ai.switchboard.bench.driver;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpHeaderNames;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;

/**
 * A purpose-built load driver for what wrk cannot see: time to first byte and first token of a stream, the gaps
 * between stream chunks (to prove nothing batches them), and an open-loop fixed-rate run whose latencies are
 * measured from each request's scheduled start. Prints one JSON line prefixed {@code DRIVER_JSON}.
 */
public final class LoadDriver {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final DriverOptions options;
    private final RequestTimings timings = new RequestTimings();
    private final HttpClient client;
    private final ByteBuf body;

    LoadDriver(DriverOptions options, LoopResources loops, ConnectionProvider pool) {
        this.options = options;
        this.body = Unpooled.unreleasableBuffer(Unpooled.directBuffer()
                .writeBytes(requestBody(options).getBytes(StandardCharsets.UTF_8)).asReadOnly());
        this.client = HttpClient.create(pool)
                .runOn(loops)
                .headers(headers -> {
                    headers.set(HttpHeaderNames.CONTENT_TYPE, "application/json");
                    if (!options.key().isEmpty()) {
                        headers.set(HttpHeaderNames.AUTHORIZATION, "Bearer " + options.key());
                    }
                });
    }

    static String requestBody(DriverOptions options) {
        return "{\"model\":\"" + options.model() + "\",\"messages\":[{\"role\":\"system\",\"content\":"
                + "\"You are a terse assistant.\"},{\"role\":\"user\",\"content\":"
                + "\"Say something about benchmarks in one short paragraph.\"}],\"temperature\":0.2,"
                + "\"max_tokens\":128" + (options.stream() ? ",\"stream\":true" : "") + "}";
    }

    /** Runs warm-up then measurement and returns the result as JSON. */
    String run() {
        phase(options.warmup());
        timings.reset();
        long start = System.nanoTime();
        phase(options.duration());
        double seconds = (System.nanoTime() - start) / 1e9;
        return result(seconds);
    }

    private void phase(Duration length) {
        if (length.isZero()) {
            return;
        }
        long deadline = System.nanoTime() + length.toNanos();
        // Requests still in flight at the deadline finish; the bound covers them and a server that hangs.
        Duration bound = length.plus(REQUEST_TIMEOUT).plusSeconds(5);
        if (options.openLoop()) {
            long period = 1_000_000_000L / options.rate();
            long count = Math.max(1, length.toNanos() / period);
            long origin = System.nanoTime();
            Flux.interval(Duration.ofNanos(period), Schedulers.parallel())
                    .take(count)
                    // A server that falls behind makes intents queue here; their wait is charged to latency.
                    .onBackpressureBuffer()
                    .flatMap(tick -> once(origin + (tick + 1) * period), options.maxInFlight())
                    .blockLast(bound);
        } else {
            Flux.range(0, options.concurrency())
                    .flatMap(worker -> Mono.defer(() -> once(System.nanoTime()))
                            .repeat(() -> System.nanoTime() < deadline), options.concurrency())
                    .blockLast(bound);
        }
    }

    private Mono<Void> once(long start) {
        RequestTimings.Exchange exchange = timings.new Exchange(start);
        return client.post()
                .uri(options.url())
                .send(Mono.fromSupplier(body::duplicate))
                .response((response, content) -> response.status().code() == 200
                        ? content.doOnNext(exchange::onRead).then()
                        : content.then(Mono.error(new IllegalStateException("HTTP " + response.status()))))
                .then()
                .timeout(REQUEST_TIMEOUT)
                .doOnSuccess(ignored -> exchange.onComplete())
                .onErrorResume(failure -> {
                    timings.errors.increment();
                    return Mono.empty();
                });
    }

    private String result(double seconds) {
        long completed = timings.completed.sum();
        return String.format(Locale.ROOT,
                "{\"mode\":\"%s\",\"stream\":%s,\"concurrency\":%d,\"rate\":%d,\"duration_s\":%.3f,"
                        + "\"requests\":%d,\"errors\":%d,\"rps\":%.1f,\"latency\":%s,\"first_byte\":%s,"
                        + "\"first_token\":%s,\"token_gap\":%s,\"content_events\":%d,\"reads\":%d,"
                        + "\"batched_reads\":%d}",
                options.openLoop() ? "open" : "closed", options.stream(), options.concurrency(), options.rate(),
                seconds, completed, timings.errors.sum(), completed / seconds, Percentiles.json(timings.latency),
                Percentiles.json(timings.firstByte), Percentiles.json(timings.firstToken),
                Percentiles.json(timings.tokenGap), timings.contentEvents.sum(), timings.reads.sum(),
                timings.batchedReads.sum());
    }

    public static void main(String[] args) throws IOException {
        DriverOptions options = DriverOptions.parse(args);
        LoopResources loops = LoopResources.create("driver", options.eventLoops(), true);
        int connections = options.openLoop() ? options.maxInFlight() : options.concurrency();
        ConnectionProvider pool = ConnectionProvider.builder("driver")
                .maxConnections(connections)
                .pendingAcquireMaxCount(-1)
                .build();
        try {
            String json = new LoadDriver(options, loops, pool).run();
            System.out.println("DRIVER_JSON " + json);
            String output = System.getProperty("bench.output");
            if (output != null) {
                Files.writeString(Path.of(output), json + "\n", StandardCharsets.UTF_8);
            }
        } finally {
            pool.disposeLater().block(Duration.ofSeconds(5));
            loops.disposeLater(Duration.ZERO, Duration.ofSeconds(2)).block(Duration.ofSeconds(5));
        }
    }
}
