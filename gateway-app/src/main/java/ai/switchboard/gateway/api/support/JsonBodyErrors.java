package ai.switchboard.gateway.api.support;

import ai.switchboard.gateway.api.error.ApiException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.core.exc.UnexpectedEndOfInputException;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Turns a failure to read a request body into the 400 a client can act on. Jackson's own messages name Java types
 * ({@code java.lang.Double}, {@code `int`}) and its own settings, so none of them is passed on: every message here
 * is written in terms of JSON types, positions and the parameter at fault. The parser is still open and positioned
 * at the offending token, which tells what the client actually sent.
 */
final class JsonBodyErrors {

    private static final String NOT_AN_OBJECT = "The request body must be a JSON object.";

    private JsonBodyErrors() {
    }

    static ApiException of(JacksonException failure, JsonParser parser) {
        if (failure instanceof StreamConstraintsException) {
            return ApiException.invalidRequest("The JSON body of your request exceeds a limit of the gateway: "
                    + JsonSyntax.constraint(failure.getOriginalMessage()) + ".", JsonPaths.describe(parser));
        }
        if (failure instanceof InputCoercionException) {
            String param = JsonPaths.describe(parser);
            return param == null ? notAnObject() : ParamErrors.outOfRange(param, parser.getString());
        }
        if (failure instanceof UnexpectedEndOfInputException) {
            return ApiException.invalidRequest("We could not parse the JSON body of your request: it ends before the "
                    + "JSON value is complete.", null);
        }
        if (failure instanceof StreamReadException) {
            String duplicate = JsonSyntax.duplicateKey(failure.getOriginalMessage());
            if (duplicate != null) {
                String param = JsonPaths.describe(parser);
                return ApiException.invalidRequest("Duplicate key '" + ApiException.echo(duplicate) + "' in the JSON "
                        + "body: each key may appear only once in an object.", param);
            }
            return ApiException.invalidRequest("We could not parse the JSON body of your request: "
                    + JsonSyntax.reason(failure.getOriginalMessage()) + where(failure, parser) + ".", null);
        }
        String param = JsonPaths.describe(failure);
        if (param == null) {
            return parser.currentToken() == null
                    ? ApiException.invalidRequest("The request body is empty; a JSON object is required.", null)
                    : notAnObject();
        }
        if (failure instanceof InvalidNullException) {
            return ParamErrors.type(param, "a value", JsonTypes.NULL);
        }
        if (failure instanceof MismatchedInputException mismatch) {
            String expected = JsonTypes.expectedBy(mismatch.getTargetType());
            if (JsonTypes.NUMBER.equals(expected) && isNumber(parser.currentToken())) {
                // A number where a number belongs that still does not bind is one that does not fit: 1e400.
                return ParamErrors.outOfRange(param, parser.getString());
            }
            if (expected != null) {
                return ParamErrors.type(param, expected, JsonTypes.of(parser.currentToken()));
            }
        }
        return ApiException.invalidRequest("Invalid value for '" + param + "'.", param);
    }

    /** Data after the one JSON value a body may hold. */
    static ApiException trailingData(JsonParser parser) {
        return ApiException.invalidRequest("The request body must hold a single JSON object; more data follows it"
                + where(null, parser) + ".", null);
    }

    static ApiException notAnObject() {
        return ApiException.invalidRequest(NOT_AN_OBJECT, null);
    }

    private static boolean isNumber(JsonToken token) {
        return token == JsonToken.VALUE_NUMBER_FLOAT || token == JsonToken.VALUE_NUMBER_INT;
    }

    private static String where(JacksonException failure, JsonParser parser) {
        TokenStreamLocation location = failure == null ? null : failure.getLocation();
        if (location == null || location.getLineNr() < 1) {
            location = parser.currentLocation();
        }
        return location == null || location.getLineNr() < 1 ? ""
                : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }
}
