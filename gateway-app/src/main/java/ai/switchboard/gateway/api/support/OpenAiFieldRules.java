package ai.switchboard.gateway.api.support;

import ai.switchboard.gateway.api.error.ApiException;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Rules of fields that several OpenAI endpoints share, with OpenAI's documented types and ranges. */
public final class OpenAiFieldRules {

    /** {@code stop}: one string or up to four. */
    public static final FieldRule STOP = FieldRule.stringOr(FieldRule.string(), FieldRule.arrayOf(FieldRule.string(),
            4), "a string or an array of strings");

    private static final FieldRule METADATA_VALUES = FieldRule.mapOf(FieldRule.string(512), 16);

    /** {@code metadata}: at most 16 string values of up to 512 characters, under keys of up to 64. */
    public static final FieldRule METADATA = (value, param) -> {
        METADATA_VALUES.check(value, param);
        for (String key : value.propertyNames()) {
            if (key.length() > 64) {
                throw ParamErrors.invalid(param, "keys may be at most 64 characters long.");
            }
        }
    };

    /** Only run on a bad value, so the per-entry parameter name is built only then. */
    private static final FieldRule BIAS = FieldRule.integer(-100, 100);

    /** {@code logit_bias}: token ids (as object keys) to integers from -100 to 100. */
    public static final FieldRule LOGIT_BIAS = (value, param) -> {
        FieldRule.object().check(value, param);
        for (Map.Entry<String, JsonNode> entry : value.properties()) {
            if (!isTokenId(entry.getKey())) {
                throw ParamErrors.invalid(param, "keys must be token ids (non-negative integers), but got '"
                        + ApiException.echo(entry.getKey()) + "'.");
            }
            JsonNode bias = entry.getValue();
            if (!bias.isIntegralNumber() || !bias.canConvertToInt() || Math.abs(bias.intValue()) > 100) {
                BIAS.check(bias, param + "." + entry.getKey());
            }
        }
    };

    private OpenAiFieldRules() {
    }

    private static boolean isTokenId(String key) {
        if (key.isEmpty() || key.length() > 10) {
            return false;
        }
        for (int i = 0; i < key.length(); i++) {
            if (key.charAt(i) < '0' || key.charAt(i) > '9') {
                return false;
            }
        }
        return Long.parseLong(key) <= Integer.MAX_VALUE;
    }
}
