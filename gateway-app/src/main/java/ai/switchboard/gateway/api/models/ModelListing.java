package ai.switchboard.gateway.api.models;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** The OpenAI model objects of {@code GET /v1/models}. */
record ModelListing(String object, List<Entry> data) {

    static ModelListing of(List<Entry> data) {
        return new ModelListing("list", data);
    }

    /**
     * One model, as OpenAI describes it, plus the registry's {@code version} of a model when it records one (clients
     * ignore fields they do not know; an operator can see which upstream version a name serves).
     */
    record Entry(String id, String object, long created, @JsonProperty("owned_by") String ownedBy,
            @JsonInclude(JsonInclude.Include.NON_NULL) String version) {

        static Entry of(String id, long created, String ownedBy, String version) {
            return new Entry(id, "model", created, ownedBy, version);
        }
    }
}
