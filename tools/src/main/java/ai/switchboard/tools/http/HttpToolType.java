package ai.switchboard.tools.http;

import ai.switchboard.tools.Tool;
import ai.switchboard.tools.ToolType;
import io.netty.resolver.AddressResolverGroup;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.Set;
import reactor.netty.http.HttpResources;
import reactor.netty.resources.LoopResources;
import reactor.netty.transport.NameResolverProvider;

/**
 * The {@code http} tool type; see {@link HttpToolConfig} for its configuration and {@link HttpTool} for its guards.
 * One type serves every http tool for the application's lifetime; closing it closes its DNS resolver.
 */
public final class HttpToolType implements ToolType<HttpToolConfig>, AutoCloseable {

    public static final String NAME = "http";

    private final AddressResolverGroup<InetSocketAddress> dns;

    /** Tools of this type resolve names with {@code dns}; its answers are checked before any connect. */
    public HttpToolType(AddressResolverGroup<InetSocketAddress> dns) {
        this.dns = Objects.requireNonNull(dns, "dns");
    }

    /**
     * With a resolver built the way Reactor Netty builds its default one (non-blocking DNS on the shared event
     * loops, honouring {@code /etc/hosts}), of the tools' own so closing it touches no other client.
     */
    public static HttpToolType withDefaultDns() {
        return new HttpToolType(NameResolverProvider.builder().build()
                .newNameResolverGroup(HttpResources.get(), LoopResources.DEFAULT_NATIVE));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<HttpToolConfig> configType() {
        return HttpToolConfig.class;
    }

    @Override
    public Set<String> secretFields() {
        return Set.of("secret_headers", "secret_query");
    }

    @Override
    public void close() {
        dns.close();
    }

    @Override
    public Tool create(String name, String description, HttpToolConfig config) {
        return new HttpTool(name, description, config, dns);
    }
}
