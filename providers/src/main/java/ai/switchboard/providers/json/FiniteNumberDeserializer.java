package ai.switchboard.providers.json;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.std.StdScalarDeserializer;

/**
 * Reads a JSON number into a {@link Double} and nothing else. Jackson's own deserializer turns the strings
 * {@code "NaN"} and {@code "Infinity"} into doubles whatever the coercion settings say, and lets {@code 1e400}
 * overflow to infinity; a client's {@code "temperature":"NaN"} must be refused instead of reaching an upstream.
 */
final class FiniteNumberDeserializer extends StdScalarDeserializer<Double> {

    FiniteNumberDeserializer() {
        super(Double.class);
    }

    @Override
    public Double deserialize(JsonParser parser, DeserializationContext context) {
        JsonToken token = parser.currentToken();
        if (token != JsonToken.VALUE_NUMBER_FLOAT && token != JsonToken.VALUE_NUMBER_INT) {
            return (Double) context.handleUnexpectedToken(Double.class, parser);
        }
        double value = parser.getDoubleValue();
        if (!Double.isFinite(value)) {
            return (Double) context.handleWeirdNumberValue(Double.class, value, "not a finite number");
        }
        return value;
    }
}
