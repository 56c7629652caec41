package ai.switchboard.bench.replay.provider;

import ai.switchboard.bench.replay.Flags;
import ai.switchboard.bench.replay.record.JsonLines;
import ai.switchboard.bench.replay.record.Recordings;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.resources.LoopResources;
import tools.jackson.databind.node.ObjectNode;

/**
 * An OpenAI-compatible upstream that answers as recorded models answered: {@code POST /v1/chat/completions} (JSON or
 * SSE) looks up the requested model's recorded answer to the last user message and returns it with the recording's
 * token usage. A prompt without a recording gets a 400 {@code replay_miss} and is counted, so a run can prove that
 * every answer it graded was a recorded one. {@code GET /replay/stats} returns the {@link CallLedger}.
 */
public final class ReplayProvider {

    // Reactor Netty's path() drops the leading and trailing slash.
    private static final String CHAT_PATH = "v1/chat/completions";
    private static final String STATS_PATH = "replay/stats";
    private static final long CREATED = 1_735_689_600L;

    private final Answerer answerer;
    private final CallLedger ledger = new CallLedger();
    private final AtomicLong ids = new AtomicLong();

    public ReplayProvider(ReplayBook book, JudgeBook judges) {
        this.answerer = new Answerer(book, judges);
    }

    public CallLedger ledger() {
        return ledger;
    }

    /** Starts the server; the caller disposes it. */
    public DisposableServer start(String host, int port, LoopResources loops) {
        return HttpServer.create().host(host).port(port).runOn(loops).handle(this::handle)
                .bindNow(Duration.ofSeconds(10));
    }

    private Publisher<Void> handle(HttpServerRequest request, HttpServerResponse response) {
        String path = request.path();
        if (request.method() == HttpMethod.GET && "health".equals(path)) {
            return response.header(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.TEXT_PLAIN)
                    .sendString(Mono.just("ok"));
        }
        if (request.method() == HttpMethod.GET && STATS_PATH.equals(path)) {
            return json(response, HttpResponseStatus.OK, JsonLines.MAPPER.writeValueAsString(ledger.snapshot()));
        }
        if (request.method() != HttpMethod.POST || !CHAT_PATH.equals(path)) {
            return response.status(HttpResponseStatus.NOT_FOUND).send();
        }
        return request.receive().aggregate().asByteArray().defaultIfEmpty(new byte[0])
                .flatMap(body -> Mono.from(chat(body, response)));
    }

    private Publisher<Void> chat(byte[] body, HttpServerResponse response) {
        ChatCall call;
        try {
            call = ChatCall.parse(body);
        } catch (IllegalArgumentException bad) {
            return error(response, bad.getMessage(), "invalid_request");
        }
        ReplayAnswer answer = answerer.answer(call);
        if (answer == null) {
            ledger.missed(call.model());
            return error(response, "no recorded answer of " + call.model() + " to this prompt", "replay_miss");
        }
        ledger.served(call.model(), answer.promptTokens(), answer.completionTokens());
        String id = "chatcmpl-replay-" + ids.incrementAndGet();
        if (!call.stream()) {
            return json(response, HttpResponseStatus.OK, ChatReply.json(id, CREATED, call.model(), answer));
        }
        return response.header(HttpHeaderNames.CONTENT_TYPE, "text/event-stream")
                .header(HttpHeaderNames.CACHE_CONTROL, "no-cache")
                .sendString(Flux.fromIterable(ChatReply.events(id, CREATED, call.model(), answer,
                        call.includeUsage())));
    }

    private static Publisher<Void> error(HttpServerResponse response, String message, String code) {
        ObjectNode error = JsonLines.MAPPER.createObjectNode();
        error.putObject("error").put("message", message).put("type", "invalid_request_error").put("code", code);
        return json(response, HttpResponseStatus.BAD_REQUEST, error.toString());
    }

    private static Publisher<Void> json(HttpServerResponse response, HttpResponseStatus status, String body) {
        return response.status(status).header(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
                .sendString(Mono.just(body), StandardCharsets.UTF_8);
    }

    /** Serves the recordings on its own: {@code --routellm DIR --routerarena DIR [--port N] [--port-file F]}. */
    public static void main(String[] args) throws IOException {
        ProviderOptions options = ProviderOptions.parse(args);
        Recordings recordings = Recordings.load(options.sources());
        ReplayProvider provider = new ReplayProvider(ReplayBook.of(recordings.datasets()),
                JudgeBook.of(recordings.verdicts()));
        LoopResources loops = LoopResources.create("replay", 1, true);
        DisposableServer server = provider.start(options.host(), options.port(), loops);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.disposeNow(Duration.ofSeconds(2));
            loops.disposeLater(Duration.ZERO, Duration.ofSeconds(2)).block(Duration.ofSeconds(5));
        }, "replay-shutdown"));
        if (options.portFile() != null) {
            // Written after bind, so a script that waits for the file knows the port is open.
            Files.writeString(options.portFile(), Integer.toString(server.port()), StandardCharsets.US_ASCII);
        }
        System.out.println("replay-provider listening on " + options.host() + ":" + server.port() + ", "
                + recordings.summary());
        server.onDispose().block();
    }

    /** Command-line options of {@link #main}. */
    record ProviderOptions(String host, int port, Path portFile, Recordings.Sources sources) {

        static ProviderOptions parse(String[] args) {
            java.util.Map<String, String> flags = Flags.parse(args);
            String portFile = flags.remove("port-file");
            String host = flags.remove("host");
            String port = flags.remove("port");
            Recordings.Sources sources = Recordings.Sources.from(flags);
            Flags.requireConsumed(flags);
            return new ProviderOptions(host == null ? "127.0.0.1" : host, port == null ? 0 : Integer.parseInt(port),
                    portFile == null ? null : Path.of(portFile), sources);
        }
    }
}
