package ai.switchboard.gateway.it.fields;

import static ai.switchboard.gateway.it.fields.Field.integer;
import static ai.switchboard.gateway.it.fields.Field.oneOf;
import static ai.switchboard.gateway.it.fields.Field.string;

import java.util.List;
import java.util.StringJoiner;

/** {@code POST /v1/embeddings}. */
public final class EmbeddingsFields {

    private EmbeddingsFields() {
    }

    public static EndpointTable table() {
        return new EndpointTable("embeddings", "/v1/embeddings", "/embeddings",
                "{\"model\":\"@MODEL@\",\"input\":\"x\"}", List.of(
                Model.field(),
                TextOrTokensFields.field("input", false).required().invalid(strings(2049)),
                oneOf("encoding_format", "float", "base64"),
                integer("dimensions", 1, Integer.MAX_VALUE),
                string("user")));
    }

    private static String strings(int count) {
        StringJoiner array = new StringJoiner(",", "[", "]");
        for (int i = 0; i < count; i++) {
            array.add("\"s\"");
        }
        return array.toString();
    }
}
