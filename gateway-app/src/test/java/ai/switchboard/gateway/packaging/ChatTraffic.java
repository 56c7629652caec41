package ai.switchboard.gateway.packaging;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Chat completions sent to a gateway process, JSON and streaming, each counted by how it ended: answered (a whole
 * response, status and body), unanswered (no response at all: connection refused or reset), refused by a gateway
 * that is shutting down (503 {@code server_shutting_down}), or unexpected (an answer other than a whole 200, a stream
 * without {@code [DONE]}, or a response that broke off). Answered requests are what the usage ledger must hold.
 */
final class ChatTraffic {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final URI uri;
    private final String key;
    private final AtomicInteger answered = new AtomicInteger();
    private final AtomicInteger unanswered = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private final List<String> unexpected = Collections.synchronizedList(new ArrayList<>());
    private final Set<String> answeredIds = ConcurrentHashMap.newKeySet();
    private final List<Thread> loops = new ArrayList<>();
    private volatile boolean running = true;

    ChatTraffic(String gatewayBase, String key) {
        this.uri = URI.create(gatewayBase + "/v1/chat/completions");
        this.key = key;
    }

    /**
     * Starts {@code workers} loops, each sending requests for {@code model} one after another, alternating JSON and
     * streaming, until {@link #stop()} or until a request gets no response (the gateway stopped listening).
     */
    void startLoops(String model, int workers) {
        for (int i = 0; i < workers; i++) {
            boolean streamFirst = i % 2 == 0;
            loops.add(Thread.ofVirtual().name("traffic-" + i).start(() -> {
                boolean stream = streamFirst;
                while (running && send(model, stream)) {
                    stream = !stream;
                }
            }));
        }
    }

    /** Sends one request on a thread of its own; completes when it has ended, however it ended. */
    CompletableFuture<Void> sendAsync(String model, boolean stream) {
        return CompletableFuture.runAsync(() -> send(model, stream), command -> Thread.ofVirtual().start(command));
    }

    /** Stops the loops and waits for their requests in flight to end. */
    void stop() throws InterruptedException {
        running = false;
        for (Thread loop : loops) {
            loop.join(Duration.ofMinutes(2));
        }
    }

    String key() {
        return key;
    }

    int answered() {
        return answered.get();
    }

    /** The {@code x-request-id} of every answered request. */
    Set<String> answeredIds() {
        return Set.copyOf(answeredIds);
    }

    int unanswered() {
        return unanswered.get();
    }

    /** Requests refused with {@code 503 server_shutting_down}: answered, but with nothing done and nothing to bill. */
    int refused() {
        return refused.get();
    }

    /** Answers that were not a whole 200 response: what status, or how the body ended. */
    List<String> unexpected() {
        return List.copyOf(unexpected);
    }

    private boolean send(String model, boolean stream) {
        String body = "{\"model\":\"" + model + "\",\"stream\":" + stream
                + ",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
        HttpRequest request = HttpRequest.newBuilder(uri)
                .header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json")
                .timeout(Duration.ofMinutes(2))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<InputStream> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException noResponse) {
            unanswered.incrementAndGet();
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        String text;
        try (InputStream in = response.body()) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException cutOff) {
            unexpected.add(response.statusCode() + (stream ? " stream" : " json") + " cut off: " + cutOff);
            return false;
        }
        if (response.statusCode() == 503 && text.contains("server_shutting_down")) {
            // Refused before any work, as the drain ends: no usage to record, and the client may retry elsewhere.
            refused.incrementAndGet();
            return false;
        }
        answered.incrementAndGet();
        response.headers().firstValue("x-request-id").ifPresent(answeredIds::add);
        boolean whole = stream ? text.strip().endsWith("data: [DONE]") : text.contains("\"choices\"");
        if (response.statusCode() != 200 || !whole) {
            unexpected.add(response.statusCode() + (stream ? " stream: " : " json: ") + text);
        }
        return true;
    }
}
