package ai.switchboard.gateway.it.fields;

import java.util.List;

/** The field tables of every {@code /v1} endpoint that answers in OpenAI's error shape. */
public final class V1FieldTables {

    private V1FieldTables() {
    }

    public static List<EndpointTable> all() {
        return List.of(ChatFields.table(), CompletionsFields.table(), EmbeddingsFields.table());
    }

    /**
     * Tables of endpoints whose route is not registered yet; each moves into {@link #all()} when its route is.
     * Their bodies and expected refusals are checked against the validators meanwhile (e.g.
     * {@code ResponsesFieldTableTests}).
     */
    public static List<EndpointTable> pending() {
        return List.of(ResponsesFields.table());
    }
}
