package ai.switchboard.gateway.api.support;

import ai.switchboard.gateway.api.error.ApiException;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The 400s for a parameter that is missing, of the wrong JSON type or outside its range, worded like OpenAI's own and
 * always naming the parameter in {@code param}. Values are echoed shortened, so a huge value cannot bloat the error.
 */
public final class ParamErrors {

    private ParamErrors() {
    }

    public static ApiException missing(String param) {
        return ApiException.invalidRequest("Missing required parameter: '" + param + "'.", param);
    }

    public static ApiException type(String param, String expected, JsonNode actual) {
        return type(param, expected, JsonTypes.of(actual));
    }

    public static ApiException type(String param, String expected, String actual) {
        return ApiException.invalidRequest("Invalid type for '" + param + "': expected " + expected
                + (actual == null ? "." : ", but got " + actual + " instead."), param);
    }

    public static ApiException range(String param, Number min, Number max) {
        return ApiException.invalidRequest("Invalid '" + param + "': must be between " + number(min) + " and "
                + number(max) + ".", param);
    }

    public static ApiException outOfRange(String param, String number) {
        return ApiException.invalidRequest("Invalid '" + param + "': the number " + ApiException.echo(number)
                + " is too " + (number.startsWith("-") ? "small" : "large") + ".", param);
    }

    public static ApiException notOneOf(String param, String value, List<String> supported) {
        StringBuilder message = new StringBuilder("Invalid value for '").append(param).append("': '")
                .append(ApiException.echo(value)).append("'. Supported values are: ");
        for (int i = 0; i < supported.size(); i++) {
            if (i > 0) {
                message.append(i == supported.size() - 1 ? " and " : ", ");
            }
            message.append('\'').append(supported.get(i)).append('\'');
        }
        return ApiException.invalidRequest(message.append('.').toString(), param);
    }

    public static ApiException empty(String param, String expected) {
        return ApiException.invalidRequest("Invalid '" + param + "': expected a non-empty " + expected + ".", param);
    }

    public static ApiException tooLong(String param, String what, int max, int actual) {
        return ApiException.invalidRequest("Invalid '" + param + "': expected at most " + max + " " + what
                + ", but got " + actual + ".", param);
    }

    public static ApiException invalid(String param, String reason) {
        return ApiException.invalidRequest("Invalid '" + param + "': " + reason, param);
    }

    private static String number(Number bound) {
        double value = bound.doubleValue();
        return value == Math.rint(value) && Math.abs(value) < 1e18 ? Long.toString(bound.longValue())
                : bound.toString();
    }
}
