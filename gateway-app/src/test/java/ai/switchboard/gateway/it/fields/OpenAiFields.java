package ai.switchboard.gateway.it.fields;

import static ai.switchboard.gateway.it.fields.Field.at;

import java.util.StringJoiner;

/** Fields that chat and legacy completions share. */
final class OpenAiFields {

    private OpenAiFields() {
    }

    static Field stop(String param) {
        return at(param).invalid("5", "true", "{}", "[\"a\",\"b\",\"c\",\"d\",\"e\"]")
                .invalidAt("[1]", param + "[0]").invalidAt("[null]", param + "[0]")
                .valid("\"x\"", "[\"a\",\"b\",\"c\",\"d\"]");
    }

    static Field logitBias(String param) {
        return Field.object(param).invalid("{\"word\":1}", "{\"-1\":1}", "{\"99999999999\":1}")
                .invalidAt("{\"50256\":101}", param + ".50256").invalidAt("{\"50256\":-101}", param + ".50256")
                .invalidAt("{\"50256\":\"1\"}", param + ".50256").invalidAt("{\"50256\":1.5}", param + ".50256")
                .valid("{\"50256\":-100}", "{}");
    }

    /** An object of {@code count} entries with the same value. */
    static String entries(int count, String value) {
        StringJoiner object = new StringJoiner(",", "{", "}");
        for (int i = 0; i < count; i++) {
            object.add("\"k" + i + "\":" + value);
        }
        return object.toString();
    }
}
