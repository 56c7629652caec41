package ai.switchboard.gateway.request;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class EmptyErrorResponsesTests {

    private final EmbeddedChannel channel = new EmbeddedChannel(new EmptyErrorResponses());

    @AfterEach
    void close() {
        channel.finishAndReleaseAll();
    }

    @Test
    void aDecoderRefusalOnV1GetsAnOpenAiBody() {
        HttpRequest refused = request(HttpMethod.GET, "/v1/models");
        refused.setDecoderResult(DecoderResult.failure(new TooLongHttpHeaderException("too large")));
        channel.writeInbound(refused);

        FullHttpResponse answer = answer(empty(HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE));

        assertThat(answer.status().code()).isEqualTo(431);
        assertThat(answer.headers().get(HttpHeaderNames.CONTENT_TYPE)).isEqualTo("application/json");
        assertThat(answer.headers().get(RequestIds.HEADER)).startsWith("req_");
        assertThat(answer.headers().get(HttpHeaderNames.CONNECTION)).isEqualTo("close");
        JsonNode body = json(answer);
        assertThat(answer.headers().getInt(HttpHeaderNames.CONTENT_LENGTH)).isEqualTo(answer.content().readableBytes());
        assertThat(body.path("error").path("code").asString()).isEqualTo("headers_too_large");
        assertThat(body.path("error").path("type").asString()).isEqualTo("invalid_request_error");
        answer.release();
    }

    @Test
    void anEmptyErrorElsewhereGetsAProblemBody() {
        channel.writeInbound(request(HttpMethod.GET, "/admin\\v1/keys"));

        FullHttpResponse answer = answer(empty(HttpResponseStatus.BAD_REQUEST));

        assertThat(answer.headers().get(HttpHeaderNames.CONTENT_TYPE)).isEqualTo("application/problem+json");
        assertThat(json(answer).path("status").asInt()).isEqualTo(400);
        assertThat(json(answer).path("title").asString()).isEqualTo("Bad Request");
        answer.release();
    }

    @Test
    void pipelinedAnswersAreMatchedToTheirRequestsInOrder() {
        channel.writeInbound(request(HttpMethod.GET, "/admin/v1/keys"));
        channel.writeInbound(request(HttpMethod.GET, "/v1/models"));
        FullHttpResponse proceed = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.CONTINUE);
        FullHttpResponse ok = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);

        channel.writeOutbound(proceed, ok, empty(HttpResponseStatus.REQUEST_URI_TOO_LONG));

        assertThat((Object) channel.readOutbound()).isSameAs(proceed);
        assertThat((Object) channel.readOutbound()).isSameAs(ok);
        FullHttpResponse answer = channel.readOutbound();
        assertThat(answer.headers().get(HttpHeaderNames.CONTENT_TYPE)).isEqualTo("application/json");
        assertThat(json(answer).path("error").path("code").asString()).isEqualTo("uri_too_long");
        answer.release();
    }

    @Test
    void answersWithABodyHeadAnswersAndSuccessesAreLeftAlone() {
        channel.writeInbound(request(HttpMethod.HEAD, "/admin/v1/nothing"));
        channel.writeInbound(request(HttpMethod.GET, "/v1/models"));
        channel.writeInbound(request(HttpMethod.GET, "/v1/models"));
        FullHttpResponse head = empty(HttpResponseStatus.NOT_FOUND);
        FullHttpResponse withBody = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.NOT_FOUND,
                Unpooled.copiedBuffer("{}", StandardCharsets.UTF_8));
        FullHttpResponse noContent = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.NO_CONTENT);

        channel.writeOutbound(head, withBody, noContent);

        assertThat((Object) channel.readOutbound()).isSameAs(head);
        assertThat((Object) channel.readOutbound()).isSameAs(withBody);
        assertThat((Object) channel.readOutbound()).isSameAs(noContent);
    }

    private FullHttpResponse answer(FullHttpResponse response) {
        channel.writeOutbound(response);
        return channel.readOutbound();
    }

    private static FullHttpResponse empty(HttpResponseStatus status) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.buffer(0));
        response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, 0).set(HttpHeaderNames.CONNECTION, "close");
        return response;
    }

    private static HttpRequest request(HttpMethod method, String uri) {
        return new DefaultHttpRequest(HttpVersion.HTTP_1_1, method, uri);
    }

    private static JsonNode json(FullHttpResponse response) {
        return JsonMapper.builder().build().readTree(response.content().toString(StandardCharsets.UTF_8));
    }
}
