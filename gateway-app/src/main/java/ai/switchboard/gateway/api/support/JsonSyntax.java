package ai.switchboard.gateway.api.support;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what went wrong out of Jackson's parser messages and says it in a client's words. Jackson's texts mention its
 * own feature flags and token names, so only the facts are taken from them (a character, a token, a key), and
 * anything not recognised becomes a plain "invalid JSON". Tests pin the recognised texts to the Jackson version.
 */
final class JsonSyntax {

    private static final Pattern CHARACTER_CODE = Pattern.compile("\\(code (\\d{1,7})\\)");
    private static final Pattern UNRECOGNIZED_TOKEN = Pattern.compile("^Unrecognized token '([^']{1,40})");
    private static final Pattern DUPLICATE = Pattern.compile("^Duplicate Object property \"(.*)\"$", Pattern.DOTALL);

    private JsonSyntax() {
    }

    /** The reason a body is not JSON. */
    static String reason(String message) {
        if (message == null) {
            return "invalid JSON";
        }
        if (message.startsWith("Non-standard token")) {
            return "NaN and Infinity are not JSON numbers";
        }
        if (message.startsWith("Invalid numeric value") || message.contains("in numeric value")) {
            return "invalid number";
        }
        if (message.startsWith("Illegal unquoted character")) {
            return "control characters in a string must be escaped";
        }
        if (message.startsWith("Unrecognized character escape") || message.contains("character escape sequence")) {
            return "invalid escape sequence in a string";
        }
        if (message.startsWith("Invalid UTF-8")) {
            return "the body is not valid UTF-8";
        }
        if (message.startsWith("Unexpected close marker")) {
            return "a closing bracket does not match an opening one";
        }
        Matcher token = UNRECOGNIZED_TOKEN.matcher(message);
        if (token.find()) {
            return "unrecognized token '" + token.group(1) + "'";
        }
        if (message.startsWith("Unexpected character") || message.startsWith("Illegal character")) {
            Matcher code = CHARACTER_CODE.matcher(message);
            return code.find() ? "unexpected character " + describe(Integer.parseInt(code.group(1)))
                    : "unexpected character";
        }
        return "invalid JSON";
    }

    /** The key named by a duplicate-key error, or {@code null} when {@code message} is another error. */
    static String duplicateKey(String message) {
        if (message == null) {
            return null;
        }
        Matcher duplicate = DUPLICATE.matcher(message);
        return duplicate.matches() ? duplicate.group(1) : null;
    }

    /** Which of the parser's size limits a body broke. */
    static String constraint(String message) {
        if (message == null) {
            return "the document is too large";
        }
        if (message.startsWith("Document nesting depth")) {
            return "it is nested too deeply";
        }
        if (message.startsWith("Number value length")) {
            return "a number has too many digits";
        }
        if (message.startsWith("Name length")) {
            return "a key is too long";
        }
        if (message.startsWith("String value length")) {
            return "a string is too long";
        }
        return "the document is too large";
    }

    private static String describe(int code) {
        return code >= 0x20 && code < 0x7F ? "'" + (char) code + "'" : String.format("U+%04X", code);
    }
}
