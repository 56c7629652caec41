package ai.switchboard.gateway.api.responses;

import static ai.switchboard.gateway.api.responses.ChatFixtures.chunk;
import static ai.switchboard.gateway.api.responses.ChatFixtures.finish;
import static ai.switchboard.gateway.api.responses.ChatFixtures.role;
import static ai.switchboard.gateway.api.responses.ChatFixtures.text;
import static ai.switchboard.gateway.api.responses.ChatFixtures.usage;
import static org.assertj.core.api.Assertions.assertThat;

import ai.switchboard.gateway.api.responses.wire.ResponseItems;
import ai.switchboard.gateway.api.responses.wire.ResponseObject;
import ai.switchboard.gateway.api.responses.wire.ResponsesEvent;
import ai.switchboard.gateway.api.responses.wire.ResponsesRequest;
import ai.switchboard.providers.api.ChatChunk;
import ai.switchboard.providers.api.ErrorType;
import ai.switchboard.providers.api.ProviderException;
import com.openai.models.responses.Response;
import com.openai.models.responses.ResponseStreamEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

class ResponsesStreamTranslatorTests {

    private static final String REQUEST = """
            {"model":"m","input":"weather in Paris?","stream":true,
             "tools":[{"type":"namespace","name":"geo","description":"Places","tools":[{"type":"function",
               "name":"weather","parameters":{"type":"object"}}]}]}
            """;

    @Test
    void textThenToolCallStreamsOpenAisEventsInOrderWithSequenceNumbers() {
        List<ResponsesEvent> events = translate(Flux.just(role(), text("Check"), text("ing."),
                chunk("\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"id\":\"call_1\","
                        + "\"type\":\"function\",\"function\":{\"name\":\"geo__weather\",\"arguments\":\"\"}}]},"
                        + "\"finish_reason\":null}]"),
                chunk("\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"function\":{"
                        + "\"arguments\":\"{\\\"city\\\":\"}}]},\"finish_reason\":null}]"),
                chunk("\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"function\":{"
                        + "\"arguments\":\"\\\"Paris\\\"}\"}}]},\"finish_reason\":null}]"),
                finish("tool_calls"), usage(50, 20, 10, 4)));

        assertThat(events).extracting(ResponsesEvent::type).containsExactly(
                "response.created", "response.in_progress",
                "response.output_item.added", "response.content_part.added",
                "response.output_text.delta", "response.output_text.delta",
                "response.output_text.done", "response.content_part.done", "response.output_item.done",
                "response.output_item.added",
                "response.function_call_arguments.delta", "response.function_call_arguments.delta",
                "response.function_call_arguments.done", "response.output_item.done",
                "response.completed");
        assertThat(events).extracting(ResponsesEvent::sequenceNumber)
                .containsExactlyElementsOf(java.util.stream.IntStream.range(0, events.size()).boxed().toList());
        List<ResponseStreamEvent> sdk = events.stream().map(ResponsesJson::sdkEvent).toList();
        assertThat(sdk.get(6).asOutputTextDone().text()).isEqualTo("Checking.");
        assertThat(sdk.get(9).asOutputItemAdded().item().asFunctionCall().namespace()).contains("geo");
        assertThat(sdk.get(12).asFunctionCallArgumentsDone().arguments()).isEqualTo("{\"city\":\"Paris\"}");
        Response completed = sdk.get(14).asCompleted().response();
        assertThat(completed.output()).hasSize(2);
        assertThat(completed.output().get(1).asFunctionCall().name()).isEqualTo("weather");
        assertThat(completed.output().get(1).asFunctionCall().callId()).isEqualTo("call_1");
        assertThat(completed.usage().orElseThrow().outputTokensDetails().reasoningTokens()).isEqualTo(4);
        assertThat(completed.usage().orElseThrow().inputTokensDetails().cachedTokens()).isEqualTo(10);
        String messageId = sdk.get(2).asOutputItemAdded().item().asMessage().id();
        assertThat(sdk.get(4).asOutputTextDelta().itemId()).isEqualTo(messageId);
        assertThat(completed.output().getFirst().asMessage().id()).isEqualTo(messageId);
    }

    @Test
    void nothingIsEmittedBeforeTheFirstContentSoAFailureThenPropagatesForFailover() {
        ProviderException upstream = ProviderException.of(ErrorType.UPSTREAM_SERVER_ERROR, "upstream 502");
        Flux<ChatChunk> failsBeforeContent = Flux.just(role(), text("")).concatWith(Flux.error(upstream));

        StepVerifier.create(ResponsesStreamTranslator.translate(skeleton(), new ToolNames(), failsBeforeContent,
                        failure -> ResponsesErrors.of(failure, 1024)))
                .expectErrorSatisfies(error -> assertThat(error).isSameAs(upstream))
                .verify();
    }

    @Test
    void openingEventsWaitForTheFirstContentChunkAndLeaveWithIt() {
        Sinks.Many<ChatChunk> upstream = Sinks.many().unicast().onBackpressureBuffer();
        List<ResponsesEvent> seen = new ArrayList<>();
        ResponsesStreamTranslator.translate(skeleton(), new ToolNames(), upstream.asFlux(),
                failure -> ResponsesErrors.of(failure, 1024)).subscribe(seen::add);

        upstream.tryEmitNext(role());
        assertThat(seen).isEmpty();
        upstream.tryEmitNext(text("Hi"));
        assertThat(seen).extracting(ResponsesEvent::type).containsExactly("response.created",
                "response.in_progress", "response.output_item.added", "response.content_part.added",
                "response.output_text.delta");
    }

    @Test
    void aFailureAfterContentEndsWithResponseFailedNeverACompletion() {
        Flux<ChatChunk> breaksMidway = Flux.just(role(), text("Half an ans"))
                .concatWith(Flux.error(ProviderException.of(ErrorType.STREAM_INTERRUPTED, "The upstream stream "
                        + "ended before it was complete")));

        List<ResponsesEvent> events = translate(breaksMidway);

        assertThat(events).extracting(ResponsesEvent::type).containsExactly("response.created",
                "response.in_progress", "response.output_item.added", "response.content_part.added",
                "response.output_text.delta", "response.failed");
        Response failed = ResponsesJson.sdkEvent(events.getLast()).asFailed().response();
        assertThat(failed.status().orElseThrow().asString()).isEqualTo("failed");
        assertThat(failed.error().orElseThrow().code().asString()).isEqualTo("server_error");
        assertThat(failed.error().orElseThrow().message()).contains("ended before it was complete");
        assertThat(failed.output().getFirst().asMessage().status().asString()).isEqualTo("incomplete");
        assertThat(failed.output().getFirst().asMessage().content().getFirst().asOutputText().text())
                .isEqualTo("Half an ans");
    }

    @Test
    void lengthEndsIncompleteAndAnEmptyAnswerStillCompletesCleanly() {
        List<ResponsesEvent> cut = translate(Flux.just(role(), text("Part"), finish("length")));
        assertThat(cut.getLast().type()).isEqualTo("response.incomplete");
        assertThat(ResponsesJson.sdkEvent(cut.getLast()).asIncomplete().response().incompleteDetails()
                .orElseThrow().reason().orElseThrow().asString()).isEqualTo("max_output_tokens");

        List<ResponsesEvent> empty = translate(Flux.just(role(), finish("stop")));
        assertThat(empty).extracting(ResponsesEvent::type).containsExactly("response.created",
                "response.in_progress", "response.completed");
        ResponsesJson.sdkEvent(empty.getLast());
    }

    @Test
    void parallelCallsInterleavedByIndexStayApartAndArgumentlessCallsGetAnEmptyObject() {
        List<ResponsesEvent> events = translate(Flux.just(
                chunk("\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"id\":\"a\",\"type\":"
                        + "\"function\",\"function\":{\"name\":\"f\",\"arguments\":\"{\\\"x\\\"\"}},{\"index\":1,"
                        + "\"id\":\"b\",\"type\":\"function\",\"function\":{\"name\":\"g\",\"arguments\":\"\"}}]}}]"),
                chunk("\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"function\":{"
                        + "\"arguments\":\":1}\"}}]}}]"),
                finish("tool_calls")));

        Response completed = ResponsesJson.sdkEvent(events.getLast()).asCompleted().response();
        assertThat(completed.output()).extracting(item -> item.asFunctionCall().callId()).containsExactly("a", "b");
        assertThat(completed.output()).extracting(item -> item.asFunctionCall().arguments())
                .containsExactly("{\"x\":1}", "{}");
        events.forEach(ResponsesJson::sdkEvent);
    }

    @Test
    void reasoningAndRefusalDeltasHaveTheirOwnEvents() {
        List<ResponsesEvent> events = translate(Flux.just(
                chunk("\"choices\":[{\"index\":0,\"delta\":{\"reasoning_content\":\"Hmm.\"}}]"),
                chunk("\"choices\":[{\"index\":0,\"delta\":{\"refusal\":\"No.\"}}]"), finish("stop")));

        assertThat(events).extracting(ResponsesEvent::type).containsExactly("response.created",
                "response.in_progress", "response.output_item.added", "response.content_part.added",
                "response.reasoning_text.delta", "response.reasoning_text.done", "response.content_part.done",
                "response.output_item.done", "response.output_item.added", "response.content_part.added",
                "response.refusal.delta", "response.refusal.done", "response.content_part.done",
                "response.output_item.done", "response.completed");
        events.forEach(ResponsesJson::sdkEvent);
    }

    @Test
    void eachSubscriptionTranslatesWithFreshState() {
        AtomicInteger calls = new AtomicInteger();
        Flux<ChatChunk> upstream = Flux.defer(() -> {
            calls.incrementAndGet();
            return Flux.just(text("x"), finish("stop"));
        });
        Flux<ResponsesEvent> events = ResponsesStreamTranslator.translate(skeleton(), new ToolNames(), upstream,
                failure -> ResponsesErrors.of(failure, 1024));

        List<ResponsesEvent> first = events.collectList().block();
        List<ResponsesEvent> second = events.collectList().block();

        assertThat(second).extracting(ResponsesEvent::type)
                .containsExactlyElementsOf(first.stream().map(ResponsesEvent::type).toList());
        assertThat(second).extracting(ResponsesEvent::sequenceNumber)
                .containsExactlyElementsOf(first.stream().map(ResponsesEvent::sequenceNumber).toList());
        assertThat(calls).hasValue(2);
    }

    private static List<ResponsesEvent> translate(Flux<ChatChunk> chunks) {
        ResponsesRequest request = ResponsesJson.request(REQUEST);
        CanonicalRequest canonical = ResponsesRequestTranslator.translate(request,
                ResponseItems.readInput(request.input()));
        return ResponsesStreamTranslator.translate(skeleton(), canonical.toolNames(), chunks,
                failure -> ResponsesErrors.of(failure, 1024)).collectList().block();
    }

    private static ResponseObject skeleton() {
        return ChatFixtures.skeleton(REQUEST);
    }
}
