package ai.switchboard.gateway.api.responses;

import ai.switchboard.gateway.api.responses.wire.ResponsesEvent;
import java.util.ArrayList;
import java.util.List;

/** The events a stream has produced since they were last taken, numbered in the order they are made. */
final class EventLog {

    private int sequence;
    private List<ResponsesEvent> pending = new ArrayList<>(4);

    /** The sequence number of the next event. */
    int next() {
        return sequence++;
    }

    void add(ResponsesEvent event) {
        pending.add(event);
    }

    /** The events made since the last call, in order. */
    List<ResponsesEvent> take() {
        if (pending.isEmpty()) {
            return List.of();
        }
        List<ResponsesEvent> taken = pending;
        pending = new ArrayList<>(4);
        return taken;
    }
}
