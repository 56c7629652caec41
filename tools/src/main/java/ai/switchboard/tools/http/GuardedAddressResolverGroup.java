package ai.switchboard.tools.http;

import io.netty.resolver.AbstractAddressResolver;
import io.netty.resolver.AddressResolver;
import io.netty.resolver.AddressResolverGroup;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.Promise;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.List;

/**
 * DNS for the http tool: the answers of another resolver, checked against the {@link AddressPolicy} before Netty
 * connects to them. The connection goes to exactly the address checked here, since Netty connects to what its
 * resolver returned, so a name cannot answer a public address to a check and a private one to the connect (DNS
 * rebinding). A name with any refused address is refused as a whole.
 */
final class GuardedAddressResolverGroup extends AddressResolverGroup<InetSocketAddress> {

    private final AddressResolverGroup<InetSocketAddress> dns;
    private final AddressPolicy policy;

    GuardedAddressResolverGroup(AddressResolverGroup<InetSocketAddress> dns, AddressPolicy policy) {
        this.dns = dns;
        this.policy = policy;
    }

    @Override
    protected AddressResolver<InetSocketAddress> newResolver(EventExecutor executor) {
        return new GuardedResolver(executor, dns.getResolver(executor), policy);
    }

    private static final class GuardedResolver extends AbstractAddressResolver<InetSocketAddress> {

        private final AddressResolver<InetSocketAddress> dns;
        private final AddressPolicy policy;

        GuardedResolver(EventExecutor executor, AddressResolver<InetSocketAddress> dns, AddressPolicy policy) {
            super(executor, InetSocketAddress.class);
            this.dns = dns;
            this.policy = policy;
        }

        @Override
        protected boolean doIsResolved(InetSocketAddress address) {
            return !address.isUnresolved();
        }

        @Override
        protected void doResolve(InetSocketAddress unresolved, Promise<InetSocketAddress> promise) {
            dns.resolve(unresolved).addListener((Future<InetSocketAddress> answer) -> {
                if (!answer.isSuccess()) {
                    promise.tryFailure(answer.cause());
                    return;
                }
                AddressRefusedException refused = check(unresolved, List.of(answer.getNow()));
                if (refused != null) {
                    promise.tryFailure(refused);
                } else {
                    promise.trySuccess(answer.getNow());
                }
            });
        }

        @Override
        protected void doResolveAll(InetSocketAddress unresolved, Promise<List<InetSocketAddress>> promise) {
            dns.resolveAll(unresolved).addListener((Future<List<InetSocketAddress>> answer) -> {
                if (!answer.isSuccess()) {
                    promise.tryFailure(answer.cause());
                    return;
                }
                AddressRefusedException refused = check(unresolved, answer.getNow());
                if (refused != null) {
                    promise.tryFailure(refused);
                } else {
                    promise.trySuccess(answer.getNow());
                }
            });
        }

        private AddressRefusedException check(InetSocketAddress unresolved, List<InetSocketAddress> answers) {
            for (InetSocketAddress answer : answers) {
                String refusal = answer.isUnresolved() ? "not an address" : policy.refusal(answer.getAddress());
                if (refusal != null) {
                    return new AddressRefusedException(unresolved.getHostString(), answer.getAddress(), refusal);
                }
            }
            return null;
        }

        /** The wrapped resolver belongs to its own group, which closes it. */
        @Override
        public void close() {
        }

        @Override
        public boolean isSupported(SocketAddress address) {
            return address instanceof InetSocketAddress;
        }
    }
}
