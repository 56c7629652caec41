package ai.switchboard.tools.http;

import io.netty.resolver.AddressResolver;
import io.netty.resolver.AddressResolverGroup;
import io.netty.resolver.InetNameResolver;
import io.netty.resolver.InetSocketAddressResolver;
import io.netty.util.NetUtil;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.Promise;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** DNS answers set by the test (no network here): a name maps to the addresses it resolves to, changeable at will. */
final class TestDns extends AddressResolverGroup<InetSocketAddress> {

    private final Map<String, List<InetAddress>> answers = new ConcurrentHashMap<>();
    private final AtomicInteger queries = new AtomicInteger();

    TestDns answer(String name, String... addresses) {
        answers.put(name.toLowerCase(Locale.ROOT),
                java.util.Arrays.stream(addresses).map(NetUtil::createInetAddressFromIpAddressString).toList());
        return this;
    }

    int queries() {
        return queries.get();
    }

    @Override
    protected AddressResolver<InetSocketAddress> newResolver(EventExecutor executor) {
        return new InetSocketAddressResolver(executor, new InetNameResolver(executor) {
            @Override
            protected void doResolve(String host, Promise<InetAddress> promise) {
                List<InetAddress> found = lookup(host);
                if (found == null) {
                    promise.setFailure(new UnknownHostException(host));
                } else {
                    promise.setSuccess(found.get(0));
                }
            }

            @Override
            protected void doResolveAll(String host, Promise<List<InetAddress>> promise) {
                List<InetAddress> found = lookup(host);
                if (found == null) {
                    promise.setFailure(new UnknownHostException(host));
                } else {
                    promise.setSuccess(found);
                }
            }
        });
    }

    private List<InetAddress> lookup(String host) {
        queries.incrementAndGet();
        String name = host.toLowerCase(Locale.ROOT);
        return answers.get(name.endsWith(".") ? name.substring(0, name.length() - 1) : name);
    }
}
