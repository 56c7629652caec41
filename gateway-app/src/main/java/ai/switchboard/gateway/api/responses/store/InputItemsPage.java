package ai.switchboard.gateway.api.responses.store;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * One page of {@code GET /v1/responses/{id}/input_items}, in OpenAI's list shape: {@code first_id} and
 * {@code last_id} are the cursors of the page, {@code has_more} says whether {@code after=last_id} finds more.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record InputItemsPage(String object, List<JsonNode> data, String firstId, String lastId, boolean hasMore) {

    public InputItemsPage {
        data = List.copyOf(data);
    }

    public static InputItemsPage of(List<JsonNode> data, boolean hasMore) {
        return new InputItemsPage("list", data, data.isEmpty() ? null : data.getFirst().path("id").asString(null),
                data.isEmpty() ? null : data.getLast().path("id").asString(null), hasMore);
    }

    @Override
    public String toString() {
        // Items are conversation content: never written to a log.
        return "InputItemsPage[items=" + data.size() + ", hasMore=" + hasMore + "]";
    }
}
