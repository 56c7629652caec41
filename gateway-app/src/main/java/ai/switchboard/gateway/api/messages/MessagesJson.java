package ai.switchboard.gateway.api.messages;

import ai.switchboard.providers.json.WireJson;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

/** The mapper and node factory of the Messages API (the gateway's one wire mapper). */
final class MessagesJson {

    static final JsonMapper MAPPER = WireJson.mapper();
    static final JsonNodeFactory NODES = MAPPER.getNodeFactory();

    private MessagesJson() {
    }
}
