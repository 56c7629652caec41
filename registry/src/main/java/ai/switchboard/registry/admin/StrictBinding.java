package ai.switchboard.registry.admin;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.MapperBuilder;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * Binding of admin input (JSON bodies and the declarative file) with no guessing: a value must already have the type
 * of its field (no {@code "5"} for a number, {@code 5} for a string, {@code 1.5} for an integer, {@code 1} for a
 * boolean, an epoch number for a time), a key may appear once per object, and unknown fields are refused. Failures
 * become {@link FieldError}s that name the field and the expected type, never the Java type or the value (which
 * could be a credential).
 */
public final class StrictBinding {

    private StrictBinding() {
    }

    /** Applies the strict rules to a mapper builder (JSON or YAML). */
    public static <B extends MapperBuilder<?, ?>> B configure(B builder) {
        builder.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS);
        builder.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        builder.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        builder.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        builder.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        builder.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
        // Decimals stay exact in trees: as doubles, 1e-999999999 would silently become 0 and 1e999 infinity.
        builder.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        // Every scalar shape is refused for every type, then allowed back only where it is the type itself.
        builder.withCoercionConfigDefaults(config -> {
            for (CoercionInputShape shape : new CoercionInputShape[] {CoercionInputShape.Integer,
                    CoercionInputShape.Float, CoercionInputShape.Boolean, CoercionInputShape.String,
                    CoercionInputShape.EmptyString}) {
                config.setCoercion(shape, CoercionAction.Fail);
            }
        });
        builder.withCoercionConfig(LogicalType.Textual, config -> {
            config.setCoercion(CoercionInputShape.String, CoercionAction.TryConvert);
            config.setCoercion(CoercionInputShape.EmptyString, CoercionAction.TryConvert);
        });
        builder.withCoercionConfig(LogicalType.Integer,
                config -> config.setCoercion(CoercionInputShape.Integer, CoercionAction.TryConvert));
        builder.withCoercionConfig(LogicalType.Float, config -> {
            config.setCoercion(CoercionInputShape.Float, CoercionAction.TryConvert);
            config.setCoercion(CoercionInputShape.Integer, CoercionAction.TryConvert);
        });
        builder.withCoercionConfig(LogicalType.Boolean,
                config -> config.setCoercion(CoercionInputShape.Boolean, CoercionAction.TryConvert));
        // java.time reads an epoch number as an instant whatever the coercion rules say; only ISO-8601 text here.
        builder.addModule(new SimpleModule("strict-instant").addDeserializer(Instant.class, new IsoInstant()));
        return builder;
    }

    /** The field error for a binding failure: the field's path and what it must be. */
    public static FieldError error(JacksonException e) {
        if (e instanceof UnrecognizedPropertyException) {
            return new FieldError(path(e), "unknown field");
        }
        if (e instanceof StreamReadException read && read.processor() instanceof JsonParser parser
                && read.getOriginalMessage() != null && read.getOriginalMessage().startsWith("Duplicate")) {
            return new FieldError(pointerPath(parser.streamReadContext().pathAsPointer().toString()),
                    "appears more than once in its object");
        }
        String field = path(e);
        Class<?> target = e instanceof MismatchedInputException mismatch ? mismatch.getTargetType()
                : e instanceof InputCoercionException coercion ? coercion.getTargetType() : null;
        return new FieldError(field.isEmpty() ? "body" : field, expected(target));
    }

    private static String expected(Class<?> target) {
        if (target == null) {
            return "has the wrong type or format";
        }
        if (target == String.class) {
            return "must be a string";
        }
        if (target == Integer.class || target == int.class) {
            return "must be an integer from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE;
        }
        if (target == Long.class || target == long.class) {
            return "must be an integer";
        }
        if (target == BigDecimal.class || target == Double.class || target == double.class) {
            return "must be a number";
        }
        if (target == Boolean.class || target == boolean.class) {
            return "must be true or false";
        }
        if (target == Instant.class) {
            return "must be an ISO-8601 instant such as 2030-01-01T00:00:00Z";
        }
        if (Collection.class.isAssignableFrom(target)) {
            return "must be a list";
        }
        if (Map.class.isAssignableFrom(target)) {
            return "must be an object";
        }
        return "has the wrong type or format";
    }

    /** {@code capabilities[1]} or {@code settings.region}, from the exception's reference chain. */
    private static String path(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** {@code /a/0/b} as {@code a[0].b}. */
    private static String pointerPath(String pointer) {
        StringBuilder path = new StringBuilder();
        for (String segment : pointer.split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            String name = segment.replace("~1", "/").replace("~0", "~");
            if (!path.isEmpty() && name.chars().allMatch(Character::isDigit)) {
                path.append('[').append(name).append(']');
            } else {
                path.append(path.isEmpty() ? "" : ".").append(name);
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    /** An instant from ISO-8601 text only ({@code 2030-01-01T00:00:00Z}, or with an offset). */
    private static final class IsoInstant extends ValueDeserializer<Instant> {

        @Override
        public Instant deserialize(JsonParser parser, DeserializationContext context) {
            if (parser.currentToken() != JsonToken.VALUE_STRING) {
                return (Instant) context.handleUnexpectedToken(Instant.class, parser);
            }
            try {
                return Instant.parse(parser.getString());
            } catch (DateTimeParseException e) {
                return (Instant) context.handleWeirdStringValue(Instant.class, parser.getString(),
                        "not an ISO-8601 instant");
            }
        }
    }
}
