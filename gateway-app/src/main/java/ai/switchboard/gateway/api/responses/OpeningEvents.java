package ai.switchboard.gateway.api.responses;

import java.util.Set;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Responses stream events that open a response without saying anything a client could not get from another
 * candidate; any other event commits the stream to its upstream (see routing's {@code StreamCommit}).
 */
final class OpeningEvents {

    private static final Set<String> OPENING = Set.of("response.created", "response.in_progress", "response.queued");

    private OpeningEvents() {
    }

    /** Whether a native Responses event commits the stream: anything but an opening event. */
    static boolean commits(ObjectNode event) {
        return !OPENING.contains(event.path("type").asString(""));
    }
}
