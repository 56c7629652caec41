package ai.switchboard.registry.provider;

import ai.switchboard.registry.admin.FieldErrors;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What {@code extra_headers} may hold. Each one is sent on every upstream call, so a name must be an RFC 9110
 * token, a value must be visible ASCII (spaces and tabs inside only: a CR or LF would let a value start a header of
 * its own), and a header that frames the message, belongs to one connection or is set by the gateway itself is
 * refused: it would corrupt or contradict the request the adapter builds.
 */
final class ExtraHeaders {

    static final int MAX_HEADERS = 64;
    static final int MAX_NAME_LENGTH = 256;
    static final int MAX_VALUE_LENGTH = 8192;

    /** Hop-by-hop (RFC 9110 §7.6.1), framing, and what every adapter sets from the provider's own fields. */
    private static final Set<String> GATEWAY_OWNED = Set.of("host", "content-length", "transfer-encoding",
            "connection", "keep-alive", "proxy-connection", "te", "trailer", "upgrade", "expect",
            "content-type", "content-encoding", "accept", "accept-encoding", "http2-settings");

    /** RFC 9110 §5.6.2 tchar, besides letters and digits. */
    private static final String TOKEN_SYMBOLS = "!#$%&'*+-.^_`|~";

    private ExtraHeaders() {
    }

    static void check(FieldErrors errors, Map<String, String> headers) {
        if (headers == null) {
            return;
        }
        errors.maxItems("extra_headers", headers.keySet(), MAX_HEADERS);
        Set<String> seen = new HashSet<>();
        for (Map.Entry<String, String> header : headers.entrySet()) {
            String name = header.getKey();
            String field = "extra_headers." + name;
            if (!isToken(name) || name.length() > MAX_NAME_LENGTH) {
                errors.add("extra_headers", "header names must be 1 to " + MAX_NAME_LENGTH
                        + " characters of letters, digits and " + TOKEN_SYMBOLS);
            } else if (!seen.add(name.toLowerCase(Locale.ROOT))) {
                errors.add(field, "is given twice (header names are case-insensitive)");
            } else if (GATEWAY_OWNED.contains(name.toLowerCase(Locale.ROOT))) {
                errors.add(field, "is set by the gateway or belongs to one connection; it cannot be configured");
            } else if (header.getValue() == null) {
                errors.add(field, "must be a string");
            } else if (!isFieldValue(header.getValue()) || header.getValue().length() > MAX_VALUE_LENGTH) {
                errors.add(field, "must be at most " + MAX_VALUE_LENGTH + " visible ASCII characters, with spaces "
                        + "or tabs only between them (no line breaks)");
            }
        }
    }

    private static boolean isToken(String name) {
        if (name == null || name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean alphanumeric = c < 128 && Character.isLetterOrDigit(c);
            if (!alphanumeric && TOKEN_SYMBOLS.indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }

    /** RFC 9110 §5.5 field-value restricted to ASCII: no leading or trailing blanks, no controls but HTAB. */
    private static boolean isFieldValue(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean visible = c > 0x20 && c < 0x7f;
            boolean inner = (c == ' ' || c == '\t') && i > 0 && i < value.length() - 1;
            if (!visible && !inner) {
                return false;
            }
        }
        return true;
    }
}
