package ai.switchboard.gateway.api.responses;

import ai.switchboard.gateway.api.responses.wire.ContentPartEvent;
import ai.switchboard.gateway.api.responses.wire.OutputItemEvent;
import ai.switchboard.gateway.api.responses.wire.ReasoningItem;
import ai.switchboard.gateway.api.responses.wire.ReasoningText;
import ai.switchboard.gateway.api.responses.wire.ResponseItem;
import ai.switchboard.gateway.api.responses.wire.ResponseObject;
import ai.switchboard.gateway.api.responses.wire.ResponsesEvent;
import ai.switchboard.gateway.api.responses.wire.TextDeltaEvent;
import ai.switchboard.gateway.api.responses.wire.TextDoneEvent;
import java.util.List;

/** A reasoning item being streamed from a provider that exposes its thinking as text. */
final class StreamedReasoning {

    private final String id = ResponseIds.reasoning();
    private final int outputIndex;
    private final EventLog log;
    private final StringBuilder text = new StringBuilder();

    StreamedReasoning(int outputIndex, EventLog log) {
        this.outputIndex = outputIndex;
        this.log = log;
        log.add(new OutputItemEvent(ResponsesEvent.OUTPUT_ITEM_ADDED, log.next(), outputIndex,
                new ReasoningItem(ResponseItem.REASONING, id, List.of(), null, null, ResponseObject.IN_PROGRESS,
                        null)));
        log.add(new ContentPartEvent(ResponsesEvent.CONTENT_PART_ADDED, log.next(), id, outputIndex, 0,
                ReasoningText.reasoning("")));
    }

    int outputIndex() {
        return outputIndex;
    }

    void append(String delta) {
        text.append(delta);
        log.add(new TextDeltaEvent(ResponsesEvent.REASONING_TEXT_DELTA, log.next(), id, outputIndex, 0, delta, null));
    }

    ReasoningItem close() {
        String done = text.toString();
        log.add(new TextDoneEvent(ResponsesEvent.REASONING_TEXT_DONE, log.next(), id, outputIndex, 0, done, null));
        log.add(new ContentPartEvent(ResponsesEvent.CONTENT_PART_DONE, log.next(), id, outputIndex, 0,
                ReasoningText.reasoning(done)));
        ReasoningItem item = item(ResponseObject.COMPLETED);
        log.add(new OutputItemEvent(ResponsesEvent.OUTPUT_ITEM_DONE, log.next(), outputIndex, item));
        return item;
    }

    ReasoningItem item(String status) {
        return ReasoningItem.ofText(id, text.toString(), status);
    }
}
