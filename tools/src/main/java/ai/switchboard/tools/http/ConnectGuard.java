package ai.switchboard.tools.http;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import reactor.netty.ChannelPipelineConfigurer;

/**
 * The last check before a socket connects: installed first in every channel's pipeline, so the connect event passes
 * it just before the transport opens the socket, whatever resolved the address (the guarded DNS, an IP literal in
 * the URL that needed no DNS, a future code path). A refused address fails the connect; no packet is sent.
 */
@ChannelHandler.Sharable
final class ConnectGuard extends ChannelOutboundHandlerAdapter {

    private final AddressPolicy policy;

    private ConnectGuard(AddressPolicy policy) {
        this.policy = policy;
    }

    /** For {@code HttpClient.doOnChannelInit}: puts a guard first in every new channel's pipeline. */
    static ChannelPipelineConfigurer installer(AddressPolicy policy) {
        ConnectGuard guard = new ConnectGuard(policy);
        return (observer, channel, remote) -> channel.pipeline().addFirst("switchboard.connectGuard", guard);
    }

    @Override
    public void connect(ChannelHandlerContext ctx, SocketAddress remote, SocketAddress local, ChannelPromise promise) {
        String refusal = remote instanceof InetSocketAddress inet && !inet.isUnresolved()
                ? policy.refusal(inet.getAddress())
                : "not a resolved IP address";
        if (refusal != null) {
            InetSocketAddress inet = remote instanceof InetSocketAddress socket ? socket : null;
            promise.setFailure(new AddressRefusedException(inet == null ? String.valueOf(remote) : inet.getHostString(),
                    inet == null || inet.isUnresolved() ? null : inet.getAddress(), refusal));
            return;
        }
        ctx.connect(remote, local, promise);
    }
}
