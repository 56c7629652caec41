package ai.switchboard.gateway.it.fields;

/** {@code input} and {@code prompt}: a string, or an array of strings, of token ids or of token id arrays. */
final class TextOrTokensFields {

    private TextOrTokensFields() {
    }

    static Field field(String param, boolean emptyStrings) {
        Field field = Field.at(param).invalid("5", "1.5", "true", "{}", "[]")
                .invalidAt("[true]", param + "[0]").invalidAt("[null]", param + "[0]").invalidAt("[{}]", param + "[0]")
                .invalidAt("[\"a\",1]", param + "[1]").invalidAt("[1,\"a\"]", param + "[1]")
                .invalidAt("[-1]", param + "[0]").invalidAt("[1.5]", param + "[0]")
                .invalidAt("[2147483648]", param + "[0]").invalidAt("[[]]", param + "[0]")
                .invalidAt("[[1],[]]", param + "[1]").invalidAt("[[1,\"a\"]]", param + "[0][1]")
                .invalidAt("[[1,-1]]", param + "[0][1]").invalidAt("[[1],2]", param + "[1]")
                .invalidAt("[" + Field.TOO_MANY_DIGITS + "]", param + "[0]")
                .valid("\"x\"", "[\"a\",\"b\"]", "[1,2]", "[[1],[2,3]]");
        return emptyStrings ? field.valid("\"\"") : field.invalid("\"\"").invalidAt("[\"\"]", param + "[0]");
    }
}
