package ai.switchboard.gateway.request;

import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.stereotype.Component;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;

/** Installs {@link EmptyErrorResponses} on every HTTP/1.1 connection, right after Netty's HTTP codec. */
@Component
class EmptyErrorResponsesCustomizer implements NettyServerCustomizer {

    @Override
    public HttpServer apply(HttpServer server) {
        return server.doOnChannelInit((observer, channel, remoteAddress) -> {
            if (channel.pipeline().get(NettyPipeline.HttpCodec) != null) {
                channel.pipeline().addAfter(NettyPipeline.HttpCodec, EmptyErrorResponses.NAME,
                        new EmptyErrorResponses());
            }
        });
    }
}
