package ai.switchboard.gateway.cache;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import tools.jackson.core.io.JsonStringEncoder;
import tools.jackson.databind.JsonNode;

/**
 * One spelling of a JSON value, whatever spelling the client sent: object members sorted by name, no whitespace,
 * numbers without a trailing {@code .0} or exponent ({@code 1}, {@code 1.0} and {@code 1e0} are one number), strings
 * escaped the one way Jackson escapes them. Array order is kept: in a request it always means something (the order
 * of messages, of stop sequences, of tools).
 */
final class CanonicalJson {

    private CanonicalJson() {
    }

    static String of(JsonNode node) {
        StringBuilder out = new StringBuilder(256);
        write(node, out);
        return out.toString();
    }

    static void write(JsonNode node, StringBuilder out) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            out.append("null");
        } else if (node.isObject()) {
            List<String> names = new ArrayList<>();
            node.propertyNames().forEach(names::add);
            Collections.sort(names);
            out.append('{');
            boolean first = true;
            for (String name : names) {
                JsonNode value = node.get(name);
                if (value == null || value.isNull()) {
                    // An explicit null means "not set" in every OpenAI request field: the same as leaving it out.
                    continue;
                }
                if (!first) {
                    out.append(',');
                }
                first = false;
                string(name, out);
                out.append(':');
                write(value, out);
            }
            out.append('}');
        } else if (node.isArray()) {
            out.append('[');
            for (int i = 0; i < node.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(node.get(i), out);
            }
            out.append(']');
        } else if (node.isNumber()) {
            out.append(number(node));
        } else if (node.isString()) {
            string(node.asString(), out);
        } else if (node.isBoolean()) {
            out.append(node.booleanValue());
        } else {
            string(node.asString(), out);
        }
    }

    private static String number(JsonNode node) {
        BigDecimal value = node.decimalValue();
        if (value.signum() == 0) {
            return "0";
        }
        return value.stripTrailingZeros().toPlainString();
    }

    private static void string(String value, StringBuilder out) {
        out.append('"');
        JsonStringEncoder.getInstance().quoteAsString(value, out);
        out.append('"');
    }
}
