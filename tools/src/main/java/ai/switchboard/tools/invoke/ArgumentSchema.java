package ai.switchboard.tools.invoke;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * A tool's argument schema, compiled once. Draft 2020-12 unless the schema names another draft. References are
 * resolved inside the schema and the library's bundled meta-schemas only: the registry is left with remote fetching
 * off (the library's default), so a schema can never make the gateway fetch a URL; a {@code $ref} to one fails the
 * check instead, and a test holds this.
 */
public final class ArgumentSchema {

    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    /** The draft's own meta-schema, bundled with the library: a schema is checked against it before use. */
    private static final Schema META_SCHEMA =
            SCHEMAS.getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));

    private final Schema schema;

    private ArgumentSchema(Schema schema) {
        this.schema = schema;
    }

    /**
     * Throws {@link IllegalArgumentException} if the schema is not a valid draft 2020-12 schema: a schema the
     * validator would read leniently (a misspelt type) would let arguments through unchecked.
     */
    public static ArgumentSchema compile(JsonNode schema) {
        List<Error> invalid;
        try {
            invalid = META_SCHEMA.validate(schema);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("The schema cannot be read", e);
        }
        if (!invalid.isEmpty()) {
            throw new IllegalArgumentException("The schema is not a valid JSON Schema: " + invalid.get(0));
        }
        try {
            return new ArgumentSchema(SCHEMAS.getSchema(schema));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("The schema cannot be used", e);
        }
    }

    /**
     * Up to {@code max} readable problems of the arguments, empty when they match. A schema that fails while
     * validating (an unresolvable reference) is a problem too: unchecked arguments never reach a tool.
     */
    public List<String> problems(JsonNode arguments, int max) {
        List<Error> errors;
        try {
            errors = schema.validate(arguments);
        } catch (RuntimeException unusable) {
            return List.of("the tool's schema could not be applied");
        }
        return errors.stream().limit(max).map(Error::toString).toList();
    }
}
