package ai.switchboard.tools.mcp;

import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpTransportSessionNotFoundException;
import java.io.IOException;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import reactor.core.publisher.Mono;

/**
 * Tells the connection when its transport is gone. The SDK's client (2.2.0) only re-initialises on an unknown session
 * and otherwise leaves calls in flight to time out; the transports report every failure through the exception
 * handler the client installs, so this wrapper hooks in there. I/O failures (refused or cut connections, a stdio
 * process that exited) and a session the server no longer knows count as loss; anything else stays a failure of the
 * one request it belongs to.
 */
final class LossDetectingTransport implements McpClientTransport {

    private final McpClientTransport delegate;
    private final Consumer<Throwable> onLoss;

    LossDetectingTransport(McpClientTransport delegate, Consumer<Throwable> onLoss) {
        this.delegate = delegate;
        this.onLoss = onLoss;
    }

    static boolean isLoss(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException || cause instanceof McpTransportSessionNotFoundException) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void setExceptionHandler(Consumer<Throwable> handler) {
        delegate.setExceptionHandler(error -> {
            handler.accept(error);
            if (isLoss(error)) {
                onLoss.accept(error);
            }
        });
    }

    @Override
    public Mono<Void> connect(Function<Mono<McpSchema.JSONRPCMessage>, Mono<McpSchema.JSONRPCMessage>> handler) {
        return delegate.connect(handler);
    }

    @Override
    public Mono<Void> sendMessage(McpSchema.JSONRPCMessage message) {
        return delegate.sendMessage(message);
    }

    @Override
    public Mono<Void> closeGracefully() {
        return delegate.closeGracefully();
    }

    @Override
    public void close() {
        delegate.close();
    }

    @Override
    public <T> T unmarshalFrom(Object data, TypeRef<T> typeRef) {
        return delegate.unmarshalFrom(data, typeRef);
    }

    @Override
    public List<String> protocolVersions() {
        return delegate.protocolVersions();
    }
}
