package ai.switchboard.gateway.it.fields;

import java.util.List;

/** The field tables of every {@code /v1} endpoint that answers in OpenAI's error shape. */
public final class V1FieldTables {

    private V1FieldTables() {
    }

    public static List<EndpointTable> all() {
        return List.of(ChatFields.table(), CompletionsFields.table(), EmbeddingsFields.table());
    }
}
