package ai.switchboard.gateway.request;

import ai.switchboard.gateway.api.error.OpenAiError;
import ai.switchboard.providers.json.WireJson;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.ArrayDeque;

/**
 * Gives a body in the API's shape to every error response that would otherwise leave with none. Such responses come
 * from below Spring: Reactor Netty answers requests its HTTP decoder refused (400 for a control character in a
 * header, 414 for an over-long request line, 431 for over-large headers), and Spring's adapter answers 400 when it
 * cannot parse the URI at all (a raw backslash, say). Answers to {@code HEAD} have no body by definition and are left
 * alone. Sits between Netty's codec and Reactor Netty's traffic handler, so it sees every request in arrival order and
 * every response in the same order (HTTP/1.1 answers pipelined requests in order).
 *
 * <p>The request whose decoding failed is known by its path, so its answer takes that path's {@link ApiShape}; only
 * a request line longer than Netty's limit is replaced by the decoder with a placeholder and so answered as a
 * problem. One instance per connection, used only on its event loop.
 */
final class EmptyErrorResponses extends ChannelDuplexHandler {

    static final String NAME = "switchboard.emptyErrorResponses";

    private final ArrayDeque<HttpRequest> awaitingResponse = new ArrayDeque<>(2);

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof HttpRequest request) {
            awaitingResponse.add(request);
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof HttpResponse response && !isInformational(response.status())) {
            HttpRequest request = awaitingResponse.poll();
            if (request != null && response instanceof FullHttpResponse full && isEmptyError(full)
                    && !HttpMethod.HEAD.equals(request.method())) {
                ctx.write(withBody(full, request), promise);
                return;
            }
        }
        ctx.write(msg, promise);
    }

    private static boolean isInformational(HttpResponseStatus status) {
        return status.code() < 200;
    }

    private static boolean isEmptyError(FullHttpResponse response) {
        return response.status().code() >= 400 && !response.content().isReadable();
    }

    private static FullHttpResponse withBody(FullHttpResponse empty, HttpRequest request) {
        int status = empty.status().code();
        ApiShape shape = ApiShape.ofTarget(request.uri());
        byte[] body = WireJson.mapper().writeValueAsBytes(shape == ApiShape.OPENAI
                ? OpenAiError.of(message(status), status >= 500 ? "api_error" : "invalid_request_error", null,
                        code(status))
                : ProblemBody.of(status, message(status), null));
        FullHttpResponse filled = empty.replace(Unpooled.wrappedBuffer(body));
        empty.release();
        filled.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, shape.contentType().toString())
                .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
        if (!filled.headers().contains(RequestIds.HEADER)) {
            filled.headers().set(RequestIds.HEADER, RequestIds.newId());
        }
        return filled;
    }

    private static String message(int status) {
        return switch (status) {
            case 400 -> "The request could not be parsed: a malformed request line, URI or header (a control "
                    + "character in a header value, for one).";
            case 414 -> "The request line is longer than the gateway accepts.";
            case 431 -> "The request headers are larger than the gateway accepts.";
            default -> HttpResponseStatus.valueOf(status).reasonPhrase();
        };
    }

    private static String code(int status) {
        return switch (status) {
            case 400 -> "malformed_request";
            case 414 -> "uri_too_long";
            case 431 -> "headers_too_large";
            default -> null;
        };
    }
}
