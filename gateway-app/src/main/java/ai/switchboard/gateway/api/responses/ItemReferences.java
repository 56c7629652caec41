package ai.switchboard.gateway.api.responses;

import ai.switchboard.gateway.api.responses.wire.ItemReference;
import ai.switchboard.gateway.api.responses.wire.ResponseItem;
import ai.switchboard.gateway.api.responses.wire.ResponseItems;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * {@code item_reference} items replaced by the stored items they name. The handler asks the store for
 * {@link #ids(List)} (only items of responses the caller may read come back) and then calls {@link #resolve}.
 */
public final class ItemReferences {

    private ItemReferences() {
    }

    /** The ids the input refers to, without repeats; empty when it refers to none. */
    public static List<String> ids(List<ResponseItem> input) {
        Set<String> ids = new LinkedHashSet<>();
        for (ResponseItem item : input) {
            if (item instanceof ItemReference reference) {
                ids.add(reference.id());
            }
        }
        return List.copyOf(ids);
    }

    /**
     * The input with each reference replaced by its stored item.
     *
     * @throws ai.switchboard.gateway.api.error.ApiException a 400 naming the first reference not among
     *     {@code stored}
     */
    public static List<ResponseItem> resolve(List<ResponseItem> input, List<JsonNode> stored) {
        if (stored.isEmpty() && ids(input).isEmpty()) {
            return input;
        }
        Map<String, JsonNode> byId = new HashMap<>();
        for (JsonNode item : stored) {
            byId.put(item.path("id").asString(), item);
        }
        List<ResponseItem> resolved = new ArrayList<>(input.size());
        for (int i = 0; i < input.size(); i++) {
            ResponseItem item = input.get(i);
            if (item instanceof ItemReference reference) {
                JsonNode found = byId.get(reference.id());
                if (found == null) {
                    throw ResponsesRefusals.invalid("input[" + i + "]", "the item '" + reference.id()
                            + "' it refers to is not a stored item of a response you can read.");
                }
                resolved.add(ResponseItems.read(found));
            } else {
                resolved.add(item);
            }
        }
        return resolved;
    }
}
