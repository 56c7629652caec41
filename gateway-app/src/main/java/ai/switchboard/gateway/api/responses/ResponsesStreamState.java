package ai.switchboard.gateway.api.responses;

import ai.switchboard.gateway.api.responses.wire.ResponseError;
import ai.switchboard.gateway.api.responses.wire.ResponseItem;
import ai.switchboard.gateway.api.responses.wire.ResponseLifecycleEvent;
import ai.switchboard.gateway.api.responses.wire.ResponseObject;
import ai.switchboard.gateway.api.responses.wire.ResponseUsage;
import ai.switchboard.gateway.api.responses.wire.ResponsesEvent;
import ai.switchboard.providers.api.ChatChunk;
import ai.switchboard.providers.api.ChatDelta;
import ai.switchboard.providers.api.ChunkChoice;
import ai.switchboard.providers.api.ToolCall;
import ai.switchboard.providers.api.Usage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The state of one translated stream (see {@link ResponsesStreamTranslator}). Output items are opened as their first
 * fragment arrives, in output order: reasoning, then the message, then tool calls. A message or reasoning item is
 * closed as soon as another kind of item starts; tool calls stay open until the end, because an upstream may
 * interleave the fragments of parallel calls.
 */
final class ResponsesStreamState {

    private final ResponseObject skeleton;
    private final ToolNames names;
    private final EventLog log = new EventLog();
    private final List<ResponseItem> output = new ArrayList<>(2);
    private final Map<Integer, StreamedCall> calls = new LinkedHashMap<>();
    private StreamedReasoning reasoning;
    private StreamedMessage message;
    private boolean started;
    private String finishReason;
    private Usage usage;

    ResponsesStreamState(ResponseObject skeleton, ToolNames names) {
        this.skeleton = skeleton;
        this.names = names;
    }

    /** Whether anything has been emitted, i.e. whether the client has seen this stream begin. */
    boolean started() {
        return started;
    }

    List<ResponsesEvent> onChunk(ChatChunk chunk) {
        if (chunk.usage() != null) {
            usage = chunk.usage();
        }
        for (ChunkChoice choice : chunk.choices()) {
            if (choice.index() != null && choice.index() != 0) {
                continue;
            }
            ChatDelta delta = choice.delta();
            if (delta != null) {
                onDelta(delta);
            }
            if (choice.finishReason() != null) {
                finishReason = choice.finishReason();
            }
        }
        return log.take();
    }

    private void onDelta(ChatDelta delta) {
        String thinking = ResponsesResponseTranslator.reasoningText(delta.extra());
        if (thinking != null) {
            if (reasoning == null) {
                start();
                closeMessage();
                closeCalls();
                reasoning = new StreamedReasoning(reserve(), log);
            }
            reasoning.append(thinking);
        }
        if (delta.content() != null && !delta.content().isEmpty()) {
            openMessage().appendText(delta.content());
        }
        if (delta.refusal() != null && !delta.refusal().isEmpty()) {
            openMessage().appendRefusal(delta.refusal());
        }
        if (delta.toolCalls() != null) {
            for (ToolCall fragment : delta.toolCalls()) {
                onCall(fragment);
            }
        }
    }

    private StreamedMessage openMessage() {
        if (message == null) {
            start();
            closeReasoning();
            closeCalls();
            message = new StreamedMessage(reserve(), log);
        }
        return message;
    }

    private void onCall(ToolCall fragment) {
        int index = fragment.index() == null ? 0 : fragment.index();
        StreamedCall call = calls.get(index);
        if (call == null || (fragment.id() != null && !fragment.id().equals(call.callId()))) {
            start();
            closeReasoning();
            closeMessage();
            if (call != null) {
                output.set(call.outputIndex(), call.close());
            }
            String name = fragment.function() == null ? null : fragment.function().name();
            String callId = fragment.id() != null ? fragment.id() : "call_" + ResponseIds.functionCall().substring(3);
            call = new StreamedCall(callId, names.qualify(name), reserve(), log);
            calls.put(index, call);
        }
        String arguments = fragment.function() == null ? null : fragment.function().arguments();
        if (arguments != null && !arguments.isEmpty()) {
            call.append(arguments);
        }
    }

    /** Closes every open item and ends the response by its finish reason. */
    List<ResponsesEvent> finish() {
        start();
        closeReasoning();
        closeMessage();
        closeCalls();
        ResponseOutcome outcome = ResponseOutcome.of(finishReason);
        ResponseObject finished = skeleton.with(outcome.status(), List.copyOf(output),
                usage == null ? null : ResponseUsage.of(usage), outcome.incompleteDetails(), null);
        String type = ResponseObject.INCOMPLETE.equals(outcome.status()) ? ResponsesEvent.INCOMPLETE
                : ResponsesEvent.COMPLETED;
        log.add(new ResponseLifecycleEvent(type, log.next(), finished));
        return log.take();
    }

    /** Ends a started stream as failed, with the output so far (open items marked incomplete). */
    List<ResponsesEvent> fail(ResponseError error) {
        List<ResponseItem> partial = new ArrayList<>(output);
        if (reasoning != null) {
            partial.set(reasoning.outputIndex(), reasoning.item(ResponseObject.INCOMPLETE));
        }
        if (message != null) {
            partial.set(message.outputIndex(), message.item(ResponseObject.INCOMPLETE));
        }
        for (StreamedCall call : calls.values()) {
            partial.set(call.outputIndex(), call.item(ResponseObject.INCOMPLETE));
        }
        ResponseObject failed = skeleton.with(ResponseObject.FAILED, partial,
                usage == null ? null : ResponseUsage.of(usage), null, error);
        log.add(new ResponseLifecycleEvent(ResponsesEvent.FAILED, log.next(), failed));
        return log.take();
    }

    /** The opening events, made once, right before the first content event. */
    private void start() {
        if (!started) {
            started = true;
            log.add(new ResponseLifecycleEvent(ResponsesEvent.CREATED, log.next(), skeleton));
            log.add(new ResponseLifecycleEvent(ResponsesEvent.IN_PROGRESS, log.next(), skeleton));
        }
    }

    /** The output index of a new item; its slot is filled when the item closes. */
    private int reserve() {
        output.add(null);
        return output.size() - 1;
    }

    private void closeReasoning() {
        if (reasoning != null) {
            output.set(reasoning.outputIndex(), reasoning.close());
            reasoning = null;
        }
    }

    private void closeMessage() {
        if (message != null) {
            output.set(message.outputIndex(), message.close());
            message = null;
        }
    }

    private void closeCalls() {
        for (StreamedCall call : calls.values()) {
            output.set(call.outputIndex(), call.close());
        }
        calls.clear();
    }

    @Override
    public String toString() {
        // Content is never logged: only the shape of the stream.
        return "ResponsesStreamState[started=" + started + ", items=" + output.size() + ", finish=" + finishReason
                + "]";
    }
}
