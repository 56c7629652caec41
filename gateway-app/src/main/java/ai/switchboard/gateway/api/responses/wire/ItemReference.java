package ai.switchboard.gateway.api.responses.wire;

/** An {@code item_reference}: an earlier stored item, named by its id, to be placed here in the conversation. */
public record ItemReference(String type, String id) implements ResponseItem {
}
