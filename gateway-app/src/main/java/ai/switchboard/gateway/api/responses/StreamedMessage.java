package ai.switchboard.gateway.api.responses;

import ai.switchboard.gateway.api.responses.wire.ContentPartEvent;
import ai.switchboard.gateway.api.responses.wire.MessageItem;
import ai.switchboard.gateway.api.responses.wire.OutputItemEvent;
import ai.switchboard.gateway.api.responses.wire.OutputRefusal;
import ai.switchboard.gateway.api.responses.wire.OutputText;
import ai.switchboard.gateway.api.responses.wire.RefusalDoneEvent;
import ai.switchboard.gateway.api.responses.wire.ResponseObject;
import ai.switchboard.gateway.api.responses.wire.ResponsesEvent;
import ai.switchboard.gateway.api.responses.wire.TextDeltaEvent;
import ai.switchboard.gateway.api.responses.wire.TextDoneEvent;
import java.util.ArrayList;
import java.util.List;

/** An assistant message item being streamed: an {@code output_text} part and, if the model refused, a refusal part. */
final class StreamedMessage {

    private final String id = ResponseIds.message();
    private final int outputIndex;
    private final EventLog log;
    private StringBuilder text;
    private StringBuilder refusal;
    private int textIndex;
    private int refusalIndex;
    private int parts;

    StreamedMessage(int outputIndex, EventLog log) {
        this.outputIndex = outputIndex;
        this.log = log;
        log.add(new OutputItemEvent(ResponsesEvent.OUTPUT_ITEM_ADDED, log.next(), outputIndex,
                MessageItem.assistant(id, ResponseObject.IN_PROGRESS, List.of())));
    }

    int outputIndex() {
        return outputIndex;
    }

    void appendText(String delta) {
        if (text == null) {
            text = new StringBuilder();
            textIndex = parts++;
            log.add(new ContentPartEvent(ResponsesEvent.CONTENT_PART_ADDED, log.next(), id, outputIndex, textIndex,
                    OutputText.of("")));
        }
        text.append(delta);
        log.add(new TextDeltaEvent(ResponsesEvent.OUTPUT_TEXT_DELTA, log.next(), id, outputIndex, textIndex, delta,
                List.of()));
    }

    void appendRefusal(String delta) {
        if (refusal == null) {
            refusal = new StringBuilder();
            refusalIndex = parts++;
            log.add(new ContentPartEvent(ResponsesEvent.CONTENT_PART_ADDED, log.next(), id, outputIndex,
                    refusalIndex, OutputRefusal.of("")));
        }
        refusal.append(delta);
        log.add(new TextDeltaEvent(ResponsesEvent.REFUSAL_DELTA, log.next(), id, outputIndex, refusalIndex, delta,
                null));
    }

    /** Ends each part, then the item; returns the finished item. */
    MessageItem close() {
        if (text != null) {
            String done = text.toString();
            log.add(new TextDoneEvent(ResponsesEvent.OUTPUT_TEXT_DONE, log.next(), id, outputIndex, textIndex, done,
                    List.of()));
            log.add(new ContentPartEvent(ResponsesEvent.CONTENT_PART_DONE, log.next(), id, outputIndex, textIndex,
                    OutputText.of(done)));
        }
        if (refusal != null) {
            String done = refusal.toString();
            log.add(new RefusalDoneEvent(ResponsesEvent.REFUSAL_DONE, log.next(), id, outputIndex, refusalIndex,
                    done));
            log.add(new ContentPartEvent(ResponsesEvent.CONTENT_PART_DONE, log.next(), id, outputIndex,
                    refusalIndex, OutputRefusal.of(done)));
        }
        MessageItem item = item(ResponseObject.COMPLETED);
        log.add(new OutputItemEvent(ResponsesEvent.OUTPUT_ITEM_DONE, log.next(), outputIndex, item));
        return item;
    }

    /** The item as it stands, for a response that ends here. */
    MessageItem item(String status) {
        List<Object> content = new ArrayList<>(2);
        Object[] ordered = new Object[parts];
        if (text != null) {
            ordered[textIndex] = OutputText.of(text.toString());
        }
        if (refusal != null) {
            ordered[refusalIndex] = OutputRefusal.of(refusal.toString());
        }
        content.addAll(List.of(ordered));
        return MessageItem.assistant(id, status, content);
    }
}
