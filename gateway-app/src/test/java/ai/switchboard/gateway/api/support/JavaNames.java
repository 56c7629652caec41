package ai.switchboard.gateway.api.support;

import java.util.regex.Pattern;

/**
 * Finds Java in a client-facing message: class and package names, primitive type names, Jackson's token names,
 * feature flags and source descriptions. Client messages speak of JSON types and parameters only.
 */
public final class JavaNames {

    private static final Pattern JAVA = Pattern.compile(String.join("|",
            "`",
            "\\b(java|javax|jdk|tools\\.jackson|com\\.fasterxml|ai\\.switchboard|reactor|org\\.springframework)\\.",
            "\\b(Integer|Long|Double|Float|Short|Byte|Boolean|String|Character|BigInteger|BigDecimal|Number|Object"
                    + "|ArrayList|LinkedHashMap|HashMap|List|Map|Set|Collection|JsonNode|ObjectNode|ArrayNode"
                    + "|JsonToken|JsonParser|InputStream|Class|Record)\\b",
            "\\b[A-Za-z]*(Exception|Error|Feature|Constraints|Config|Deserializer|Node)\\b",
            "\\b(of|to|type) (int|long|double|float|short|byte|char)\\b",
            "\\b(VALUE_[A-Z_]+|(START|END)_(OBJECT|ARRAY)|FIELD_NAME|PROPERTY_NAME|NOT_AVAILABLE)\\b",
            "REDACTED|Source:|\\[Source"));

    private JavaNames() {
    }

    /** The first Java-looking fragment of {@code message}, or {@code null} when it speaks JSON only. */
    public static String find(String message) {
        var matcher = JAVA.matcher(message);
        return matcher.find() ? matcher.group() : null;
    }
}
