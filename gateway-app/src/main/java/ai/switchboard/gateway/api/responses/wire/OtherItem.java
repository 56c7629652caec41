package ai.switchboard.gateway.api.responses.wire;

import com.fasterxml.jackson.annotation.JsonValue;
import tools.jackson.databind.node.ObjectNode;

/**
 * An item of a type the gateway does not translate (a hosted tool's call, a shell call, a compaction...), kept as the
 * client sent it: a native upstream gets it unchanged; the translation to the canonical model refuses it by name.
 */
public record OtherItem(@JsonValue ObjectNode raw) implements ResponseItem {

    @Override
    public String type() {
        return raw.path("type").asString(null);
    }

    @Override
    public String id() {
        return raw.path("id").asString(null);
    }
}
