package ai.switchboard.tools.http;

import ai.switchboard.tools.Tool;
import ai.switchboard.tools.ToolType;
import io.netty.resolver.AddressResolverGroup;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.Set;
import reactor.netty.http.client.HttpClient;

/** The {@code http} tool type; see {@link HttpToolConfig} for its configuration and {@link HttpTool} for its guards. */
public final class HttpToolType implements ToolType<HttpToolConfig> {

    public static final String NAME = "http";

    private final AddressResolverGroup<InetSocketAddress> dns;

    /** Tools of this type resolve names with {@code dns}; its answers are checked before any connect. */
    public HttpToolType(AddressResolverGroup<InetSocketAddress> dns) {
        this.dns = Objects.requireNonNull(dns, "dns");
    }

    /** With Reactor Netty's own non-blocking DNS resolver, the one every other client of the gateway uses. */
    @SuppressWarnings("unchecked")
    public static HttpToolType withDefaultDns() {
        return new HttpToolType((AddressResolverGroup<InetSocketAddress>) HttpClient.create().configuration().resolver());
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
    public Tool create(String name, String description, HttpToolConfig config) {
        return new HttpTool(name, description, config, dns);
    }
}
