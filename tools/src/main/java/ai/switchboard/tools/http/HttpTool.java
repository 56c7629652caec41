package ai.switchboard.tools.http;

import ai.switchboard.tools.Tool;
import ai.switchboard.tools.ToolException;
import ai.switchboard.tools.ToolSpec;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.resolver.AddressResolverGroup;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Mono;
import reactor.netty.ByteBufFlux;
import reactor.netty.http.HttpProtocol;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.HttpClientResponse;
import reactor.netty.resources.ConnectionProvider;
import tools.jackson.databind.JsonNode;

/**
 * The {@code http} tool: GET or POST to the configured URL prefixes only. Three layers decide where a request may
 * go: the URL checks of {@link HttpAllowList} (on the model's URL and on every redirect, which is followed by hand),
 * the {@link AddressPolicy} applied to every DNS answer by {@link GuardedAddressResolverGroup}, and the same policy
 * applied by {@link ConnectGuard} to the exact address a socket is about to connect to. Responses are read up to
 * the byte cap, the whole call is time-capped, and the tool's secrets are redacted from everything returned.
 */
public final class HttpTool implements Tool {

    private static final String ACCEPT = "application/json, text/*;q=0.9, */*;q=0.5";

    private final ToolSpec spec;
    private final HttpToolConfig config;
    private final HttpAllowList allowList;
    private final SecretRedactor redactor;
    private final Map<String, String> secretQuery = new LinkedHashMap<>();
    private final ConnectionProvider pool;
    private final GuardedAddressResolverGroup resolver;
    private final HttpClient client;

    HttpTool(String name, String description, HttpToolConfig config, AddressResolverGroup<InetSocketAddress> dns) {
        this.config = config;
        AddressPolicy policy = new AddressPolicy(config.allowedCidrs());
        this.allowList = new HttpAllowList(config.targets(), policy);
        this.redactor = new SecretRedactor(config.secretValues());
        config.secretQuery().forEach((parameter, secret) -> secretQuery.put(parameter, secret.value()));
        this.spec = HttpToolSpecs.spec(name, description, config, allowList);
        this.pool = ConnectionProvider.builder("switchboard-tool-" + name)
                .maxConnections(config.maxConnections())
                .pendingAcquireMaxCount(config.maxConnections() * 8)
                .pendingAcquireTimeout(Duration.ofMillis(config.timeoutMs()))
                .maxIdleTime(Duration.ofSeconds(30))
                .build();
        this.resolver = new GuardedAddressResolverGroup(dns, policy);
        this.client = HttpClient.create(pool)
                .resolver(resolver)
                .doOnChannelInit(ConnectGuard.installer(policy))
                .noProxy()
                .followRedirect(false)
                // A retried POST could run twice upstream.
                .disableRetry(true)
                // No Accept-Encoding: a small compressed body could inflate far past the byte cap in one chunk.
                .compress(false)
                .protocol(HttpProtocol.HTTP11)
                .responseTimeout(Duration.ofMillis(config.timeoutMs()))
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, Math.min(config.timeoutMs(), 10_000));
    }

    @Override
    public ToolSpec spec() {
        return spec;
    }

    @Override
    public Mono<JsonNode> call(JsonNode arguments) {
        return Mono.defer(() -> {
                    HttpRequestArguments request = HttpRequestArguments.from(arguments, config.methods());
                    RequestUrl url = allowList.check(request.url()).withQuery(request.query());
                    byte[] body = request.body() == null ? null
                            : request.body().toString().getBytes(StandardCharsets.UTF_8);
                    Hop first = new Hop(url.withQuery(secretQuery), url.toString(), request.method(), body, 0);
                    return exchange(first, first.url());
                })
                .timeout(Duration.ofMillis(config.timeoutMs()), Mono.error(() -> ToolException.timeout(
                        "No complete response within " + config.timeoutMs() + " ms")))
                .onErrorMap(ToolException.class,
                        failure -> new ToolException(failure.error(), redactor.redact(failure.getMessage())));
    }

    @Override
    public void close() {
        resolver.close();
        pool.disposeLater().subscribe();
    }

    /** One request of a call: the first, or one made to follow a redirect. {@code shown} is the URL the model sees. */
    private record Hop(RequestUrl url, String shown, String method, byte[] body, int redirects) {
    }

    private Mono<JsonNode> exchange(Hop hop, RequestUrl origin) {
        String host = hop.url().host().text();
        boolean secrets = hop.url().sameOrigin(origin);
        HttpClient.RequestSender sender = client.headers(headers -> headers(headers, secrets, hop.body()))
                .request(HttpMethod.valueOf(hop.method()))
                .uri(hop.url().uri());
        HttpClient.ResponseReceiver<?> receiver = hop.body() == null ? sender
                : sender.send(Mono.fromSupplier(() -> Unpooled.wrappedBuffer(hop.body())));
        return receiver.response(this::read)
                .single()
                .onErrorMap(failure -> !(failure instanceof ToolException),
                        failure -> HttpFailures.classify(failure, host))
                .flatMap(reply -> follow(hop, reply, origin));
    }

    private Mono<HttpReply> read(HttpClientResponse response, ByteBufFlux content) {
        CappedBody body = new CappedBody(config.maxResponseBytes());
        HttpHeaders headers = response.responseHeaders();
        Map<String, String> shown = new LinkedHashMap<>();
        for (String name : config.responseHeaders()) {
            List<String> values = headers.getAll(name);
            if (!values.isEmpty()) {
                shown.put(name, String.join(", ", values));
            }
        }
        return content.asByteArray()
                .takeUntil(body::append)
                .then(Mono.fromSupplier(() -> new HttpReply(response.status().code(), shown,
                        headers.get(HttpHeaderNames.LOCATION), headers.get(HttpHeaderNames.CONTENT_TYPE),
                        headers.get(HttpHeaderNames.CONTENT_ENCODING), body.bytes(), body.truncated())));
    }

    private Mono<JsonNode> follow(Hop hop, HttpReply reply, RequestUrl origin) {
        if (!reply.isRedirect() || config.maxRedirects() == 0) {
            return Mono.just(reply.toJson(hop.shown(), redactor));
        }
        if (hop.redirects() >= config.maxRedirects()) {
            return Mono.error(ToolException.refused("Stopped after " + config.maxRedirects() + " redirects"));
        }
        RequestUrl next;
        try {
            next = RequestUrl.parse(hop.url().uri().resolve(new URI(reply.location())).toString());
        } catch (URISyntaxException | IllegalArgumentException invalid) {
            return Mono.error(ToolException.refused("The redirect target " + reply.location() + " is not allowed: "
                    + (invalid instanceof URISyntaxException ? "not a valid URL" : invalid.getMessage())));
        }
        try {
            allowList.check(next);
        } catch (ToolException refused) {
            return Mono.error(ToolException.refused("Redirect refused: " + refused.getMessage()));
        }
        boolean keepsMethod = reply.status() == 307 || reply.status() == 308;
        String method = keepsMethod ? hop.method() : "GET";
        return exchange(new Hop(next, next.toString(), method, keepsMethod ? hop.body() : null, hop.redirects() + 1),
                origin);
    }

    private void headers(HttpHeaders headers, boolean secrets, byte[] body) {
        headers.set(HttpHeaderNames.USER_AGENT, "switchboard-http-tool");
        headers.set(HttpHeaderNames.ACCEPT, ACCEPT);
        config.headers().forEach(headers::set);
        if (secrets) {
            config.secretHeaders().forEach((name, secret) -> headers.set(name, secret.value()));
        }
        if (body != null) {
            headers.set(HttpHeaderNames.CONTENT_TYPE, "application/json");
            headers.setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
        }
    }
}
