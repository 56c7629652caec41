package ai.switchboard.tools;

import static org.assertj.core.api.Assertions.assertThat;

import ai.switchboard.providers.json.WireJson;
import ai.switchboard.registry.admin.FieldError;
import ai.switchboard.registry.admin.FieldErrors;
import ai.switchboard.registry.admin.RegistryValidationException;
import ai.switchboard.tools.sql.SqlToolType;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The catalog checks a definition still being written: only what is given, every problem at once. */
class ToolTypesTests {

    private final ToolTypes types = new ToolTypes(List.of(new SqlToolType()));

    @Test
    void aMissingNameOrTypeIsLeftToTheCallerAndTheRestIsChecked() {
        JsonNode noSchemas = json("{\"jdbc_url\": \"jdbc:postgresql://db.example/r\", \"username\": \"r\"}");

        assertThat(errors(null, "sql", noSchemas)).containsExactly("config.allowed_schemas");
        assertThat(errors("bad name", null, noSchemas)).as("no type: its configuration cannot be read")
                .containsExactly("name");
        assertThat(errors("bad name", "ftp", noSchemas)).containsExactlyInAnyOrder("name", "type");
        assertThat(errors("reporting", "sql", json("{\"jdbc_url\": \"jdbc:postgresql://db.example/r\", "
                + "\"username\": \"r\", \"allowed_schemas\": [\"public\"]}"))).isEmpty();
    }

    private List<String> errors(String name, String type, JsonNode config) {
        FieldErrors errors = new FieldErrors();
        types.validate(name, type, config, errors);
        if (errors.isEmpty()) {
            return List.of();
        }
        try {
            errors.throwIfAny();
            throw new AssertionError("unreachable");
        } catch (RegistryValidationException e) {
            return e.errors().stream().map(FieldError::field).toList();
        }
    }

    private static JsonNode json(String text) {
        return WireJson.mapper().readTree(text);
    }
}
