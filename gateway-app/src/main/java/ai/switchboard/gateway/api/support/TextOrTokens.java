package ai.switchboard.gateway.api.support;

import tools.jackson.databind.JsonNode;

/**
 * The shape OpenAI uses for text to embed or complete ({@code input}, {@code prompt}): a string, or a non-empty array
 * whose items are all strings, all token ids or all non-empty arrays of token ids. Token arrays can be long, so
 * parameter names are built only for a bad item.
 *
 * @param maxItems the most items an array may hold
 * @param emptyStrings whether an empty string is acceptable text
 */
public record TextOrTokens(int maxItems, boolean emptyStrings) {

    private static final String TYPES =
            "a string, an array of strings, an array of token ids or an array of token id arrays";
    private static final String TOKEN = "a token id (an integer)";

    public void check(JsonNode value, String param) {
        if (value.isString()) {
            checkText(value, param, -1);
            return;
        }
        if (!value.isArray()) {
            throw ParamErrors.type(param, TYPES, value);
        }
        if (value.isEmpty()) {
            throw ParamErrors.empty(param, "array");
        }
        if (value.size() > maxItems) {
            throw ParamErrors.tooLong(param, "items", maxItems, value.size());
        }
        JsonNode first = value.get(0);
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            if (first.isString() && item.isString()) {
                checkText(item, param, i);
            } else if (first.isIntegralNumber() && item.isIntegralNumber()) {
                checkToken(item, param, i, -1);
            } else if (first.isArray() && item.isArray() && !item.isEmpty()) {
                for (int j = 0; j < item.size(); j++) {
                    checkToken(item.get(j), param, i, j);
                }
            } else {
                throw ParamErrors.type(at(param, i, -1), itemType(first), item);
            }
        }
    }

    private void checkText(JsonNode text, String param, int i) {
        if (!emptyStrings && text.asString().isEmpty()) {
            throw ParamErrors.empty(at(param, i, -1), "string");
        }
    }

    private static void checkToken(JsonNode token, String param, int i, int j) {
        if (!token.isIntegralNumber()) {
            throw ParamErrors.type(at(param, i, j), TOKEN, token);
        }
        if (!token.canConvertToInt() || token.intValue() < 0) {
            throw ParamErrors.range(at(param, i, j), 0, Integer.MAX_VALUE);
        }
    }

    private static String itemType(JsonNode first) {
        if (first.isString()) {
            return JsonTypes.STRING;
        }
        if (first.isIntegralNumber()) {
            return TOKEN;
        }
        return first.isArray() ? "a non-empty array of token ids" : "a string, a token id or an array of token ids";
    }

    private static String at(String param, int i, int j) {
        return i < 0 ? param : param + "[" + i + "]" + (j < 0 ? "" : "[" + j + "]");
    }
}
