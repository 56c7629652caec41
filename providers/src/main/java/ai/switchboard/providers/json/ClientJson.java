package ai.switchboard.providers.json;

import com.fasterxml.jackson.annotation.Nulls;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * The mapper for request bodies written by clients: {@link WireJson}'s mapper held to JSON's own types. Every value
 * must already have the type its field declares ({@code "10"} is not an integer, {@code 1} is not a boolean,
 * {@code 5} is not a string, {@code 1.0} is not an integer, {@code "NaN"} is not a number), a key may appear only
 * once per object, and arrays may not hold {@code null}s. Unknown fields are still kept, as {@link WireJson} does.
 *
 * <p>Upstream responses keep going through {@link WireJson#mapper()}, which stays lenient: a provider that sends a
 * number as a string must not fail a request the client sent correctly.
 */
public final class ClientJson {

    private static final JsonMapper MAPPER = WireJson.mapper().rebuild()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .withCoercionConfigDefaults(config -> {
                for (CoercionInputShape shape : CoercionInputShape.values()) {
                    config.setCoercion(shape, CoercionAction.Fail);
                }
            })
            // Scalars to strings are allowed by default even with coercion of scalars off.
            .withCoercionConfig(LogicalType.Textual, config -> {
                config.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
                config.setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
                config.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
            })
            .changeDefaultNullHandling(setter -> setter.withContentNulls(Nulls.FAIL))
            .addModule(new SimpleModule("client-json-numbers")
                    .addDeserializer(Double.class, new FiniteNumberDeserializer()))
            .build();

    private ClientJson() {
    }

    /** The shared, thread-safe strict mapper. */
    public static JsonMapper mapper() {
        return MAPPER;
    }
}
