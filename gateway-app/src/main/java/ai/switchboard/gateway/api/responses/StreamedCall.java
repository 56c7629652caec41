package ai.switchboard.gateway.api.responses;

import ai.switchboard.gateway.api.responses.wire.FunctionCallArgumentsEvent;
import ai.switchboard.gateway.api.responses.wire.FunctionCallItem;
import ai.switchboard.gateway.api.responses.wire.OutputItemEvent;
import ai.switchboard.gateway.api.responses.wire.ResponseObject;
import ai.switchboard.gateway.api.responses.wire.ResponsesEvent;

/**
 * A {@code function_call} item being streamed. Argument fragments are forwarded verbatim, never re-serialized; a call
 * whose arguments stayed empty (a function without parameters) is reported as {@code {}}, valid JSON.
 */
final class StreamedCall {

    private final String id = ResponseIds.functionCall();
    private final String callId;
    private final ToolNames.Qualified function;
    private final int outputIndex;
    private final EventLog log;
    private final StringBuilder arguments = new StringBuilder();

    StreamedCall(String callId, ToolNames.Qualified function, int outputIndex, EventLog log) {
        this.callId = callId;
        this.function = function;
        this.outputIndex = outputIndex;
        this.log = log;
        log.add(new OutputItemEvent(ResponsesEvent.OUTPUT_ITEM_ADDED, log.next(), outputIndex,
                FunctionCallItem.of(id, callId, function.name(), function.namespace(), "",
                        ResponseObject.IN_PROGRESS)));
    }

    String callId() {
        return callId;
    }

    int outputIndex() {
        return outputIndex;
    }

    void append(String fragment) {
        arguments.append(fragment);
        log.add(new FunctionCallArgumentsEvent(ResponsesEvent.FUNCTION_CALL_ARGUMENTS_DELTA, log.next(), id,
                outputIndex, fragment, null));
    }

    FunctionCallItem close() {
        FunctionCallItem item = item(ResponseObject.COMPLETED);
        log.add(new FunctionCallArgumentsEvent(ResponsesEvent.FUNCTION_CALL_ARGUMENTS_DONE, log.next(), id,
                outputIndex, null, item.arguments()));
        log.add(new OutputItemEvent(ResponsesEvent.OUTPUT_ITEM_DONE, log.next(), outputIndex, item));
        return item;
    }

    FunctionCallItem item(String status) {
        String text = arguments.isEmpty() ? "{}" : arguments.toString();
        return FunctionCallItem.of(id, callId, function.name(), function.namespace(), text, status);
    }
}
