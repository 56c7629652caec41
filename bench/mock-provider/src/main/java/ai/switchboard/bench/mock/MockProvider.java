package ai.switchboard.bench.mock;

import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.resources.LoopResources;

/**
 * An OpenAI-compatible upstream for benchmarks: {@code POST /v1/chat/completions} as JSON or SSE, answered from
 * pre-rendered bytes. It has to be much cheaper than the gateway it measures (WireMock is not), so it parses no
 * JSON, allocates nothing per request beyond Reactor Netty's own objects, and runs on one event loop by default so
 * that it leaves the cores to the gateway.
 *
 * <p>Settings come from the command line and can be overridden per request with {@code x-mock-*} headers (see
 * {@link MockSettings}); every distinct setting is rendered once and cached.
 */
public final class MockProvider {

    // Reactor Netty's path() drops the leading and trailing slash.
    private static final String CHAT_PATH = "v1/chat/completions";

    private final MockSettings defaults;
    private final Map<MockSettings, CannedResponses> canned = new ConcurrentHashMap<>();

    MockProvider(MockSettings defaults) {
        this.defaults = defaults;
        canned.put(defaults, CannedResponses.render(defaults));
    }

    /** Starts the server; the caller disposes it. */
    DisposableServer start(String host, int port, LoopResources loops) {
        return HttpServer.create()
                .host(host)
                .port(port)
                .runOn(loops)
                .handle(this::handle)
                .bindNow(Duration.ofSeconds(10));
    }

    private Publisher<Void> handle(HttpServerRequest request, HttpServerResponse response) {
        String path = request.path();
        if (request.method() == HttpMethod.GET && "health".equals(path)) {
            return response.header(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.TEXT_PLAIN)
                    .sendString(Mono.just("ok"));
        }
        if (request.method() != HttpMethod.POST || !CHAT_PATH.equals(path)) {
            return response.status(HttpResponseStatus.NOT_FOUND).send();
        }
        MockSettings settings;
        try {
            settings = defaults.with(request.requestHeaders());
        } catch (IllegalArgumentException badHeader) {
            return response.status(HttpResponseStatus.BAD_REQUEST)
                    .header(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
                    .sendString(Mono.just("{\"error\":{\"message\":\"" + badHeader.getMessage()
                            + "\",\"type\":\"invalid_request_error\"}}"));
        }
        CannedResponses answer = canned.computeIfAbsent(settings, CannedResponses::render);
        // The aggregated body is released by Reactor Netty once map() returns; RequestFlags keeps no reference.
        return request.receive().aggregate()
                .map(RequestFlags::of)
                .defaultIfEmpty(new RequestFlags(false, false))
                .flatMap(flags -> flags.stream()
                        ? stream(response, settings, answer, flags.includeUsage())
                        : json(response, settings, answer));
    }

    private static Mono<Void> json(HttpServerResponse response, MockSettings settings, CannedResponses answer) {
        response.header(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
                .header(HttpHeaderNames.CONTENT_LENGTH, Integer.toString(answer.json().readableBytes()));
        Mono<Void> send = Mono.defer(() -> Mono.from(response.sendObject(answer.json().duplicate())));
        return settings.firstChunkDelay().isZero() ? send
                : Mono.delay(settings.firstChunkDelay(), Schedulers.parallel()).then(send);
    }

    private static Mono<Void> stream(HttpServerResponse response, MockSettings settings, CannedResponses answer,
            boolean includeUsage) {
        response.header(HttpHeaderNames.CONTENT_TYPE, "text/event-stream")
                .header(HttpHeaderNames.CACHE_CONTROL, "no-cache");
        if (!settings.paced()) {
            // One write: an unpaced stream measures the gateway's per-event work, not the mock's syscalls.
            ByteBuf all = includeUsage ? answer.eventsWithUsage() : answer.eventsWithoutUsage();
            return Mono.from(response.chunkedTransfer(true).sendObject(Mono.fromSupplier(all::duplicate)));
        }
        return Mono.from(response.sendObject(paced(settings, answer, includeUsage)));
    }

    /**
     * The stream's events, each released after its delay: the role chunk and first content chunk after the
     * first-chunk delay, each further content chunk after the inter-chunk delay, then the rest at once. Reactor
     * Netty flushes whenever its queue drains, so every delayed event leaves in its own write.
     */
    private static Flux<ByteBuf> paced(MockSettings settings, CannedResponses answer, boolean includeUsage) {
        List<ByteBuf> events = new ArrayList<>(answer.events());
        if (includeUsage) {
            events.add(events.size() - 1, answer.usageEvent());
        }
        int lastContent = settings.chunks();
        return Flux.range(0, events.size()).concatMap(i -> {
            Duration delay = i == 0 ? settings.firstChunkDelay()
                    : (i >= 2 && i <= lastContent ? settings.chunkDelay() : Duration.ZERO);
            Mono<ByteBuf> event = Mono.fromSupplier(() -> events.get(i).duplicate());
            return delay.isZero() ? event : Mono.delay(delay, Schedulers.parallel()).then(event);
        }, 1);
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> flags = parseFlags(args);
        MockSettings defaults = MockSettings.defaults();
        MockSettings settings = new MockSettings(
                intFlag(flags, "content-bytes", defaults.contentBytes()),
                intFlag(flags, "chunks", defaults.chunks()),
                Duration.ofMillis(intFlag(flags, "first-delay-ms", 0)),
                Duration.ofMillis(intFlag(flags, "chunk-delay-ms", 0)));
        String host = flags.getOrDefault("host", "127.0.0.1");
        int port = intFlag(flags, "port", 0);
        LoopResources loops = LoopResources.create("mock", intFlag(flags, "event-loops", 1), true);
        DisposableServer server = new MockProvider(settings).start(host, port, loops);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.disposeNow(Duration.ofSeconds(2));
            loops.disposeLater(Duration.ZERO, Duration.ofSeconds(2)).block(Duration.ofSeconds(5));
        }, "mock-shutdown"));
        String portFile = flags.get("port-file");
        if (portFile != null) {
            // Written after bind, so a script that waits for the file knows the port is open.
            Files.writeString(Path.of(portFile), Integer.toString(server.port()), StandardCharsets.US_ASCII);
        }
        System.out.println("mock-provider listening on " + host + ":" + server.port() + " " + settings);
        server.onDispose().block();
    }

    private static Map<String, String> parseFlags(String[] args) {
        Map<String, String> flags = new ConcurrentHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("Unexpected argument: " + arg + usage());
            }
            int eq = arg.indexOf('=');
            if (eq > 0) {
                flags.put(arg.substring(2, eq), arg.substring(eq + 1));
            } else if (i + 1 < args.length) {
                flags.put(arg.substring(2), args[++i]);
            } else {
                throw new IllegalArgumentException("Missing value for " + arg + usage());
            }
        }
        return flags;
    }

    private static int intFlag(Map<String, String> flags, String name, int fallback) {
        String value = flags.get(name);
        return value == null ? fallback : Integer.parseInt(value);
    }

    private static String usage() {
        return "\nUsage: MockProvider [--host 127.0.0.1] [--port 0] [--port-file FILE] [--event-loops 1]"
                + " [--content-bytes 256] [--chunks 16] [--first-delay-ms 0] [--chunk-delay-ms 0]";
    }
}
