package ai.switchboard.gateway.api.models;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** The OpenAI model objects of {@code GET /v1/models}. */
record ModelListing(String object, List<Entry> data) {

    static ModelListing of(List<Entry> data) {
        return new ModelListing("list", data);
    }

    /** One model, as OpenAI describes it. */
    record Entry(String id, String object, long created, @JsonProperty("owned_by") String ownedBy) {

        static Entry of(String id, long created, String ownedBy) {
            return new Entry(id, "model", created, ownedBy);
        }
    }
}
