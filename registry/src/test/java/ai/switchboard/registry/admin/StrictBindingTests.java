package ai.switchboard.registry.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

class StrictBindingTests {

    private static final JsonMapper JSON = StrictBinding.configure(JsonMapper.builder()).build();
    private static final YAMLMapper YAML = StrictBinding.configure(YAMLMapper.builder()).build();

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Sample(String name, Integer contextWindow, BigDecimal price, Boolean enabled, List<String> tags,
            Map<String, String> settings, Instant expiresAt) {
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "{\"name\":5}                                  | name           | must be a string",
        "{\"name\":true}                               | name           | must be a string",
        "{\"context_window\":1.5}                      | context_window | must be an integer",
        "{\"context_window\":1.0}                      | context_window | must be an integer",
        "{\"context_window\":\"5\"}                    | context_window | must be an integer",
        "{\"context_window\":99999999999}              | context_window | must be an integer",
        "{\"price\":\"0.1\"}                           | price          | must be a number",
        "{\"enabled\":1}                               | enabled        | must be true or false",
        "{\"enabled\":\"true\"}                        | enabled        | must be true or false",
        "{\"tags\":\"x\"}                              | tags           | must be a list",
        "{\"tags\":[5]}                                | tags[0]        | must be a string",
        "{\"settings\":{\"a\":5}}                      | settings.a     | must be a string",
        "{\"settings\":[]}                             | settings       | must be an object",
        "{\"expires_at\":1700000000}                   | expires_at     | must be an ISO-8601 instant",
        "{\"expires_at\":\"tomorrow\"}                 | expires_at     | must be an ISO-8601 instant",
        "{\"bogus\":1}                                 | bogus          | unknown field",
        "{\"settings\":{\"a\":\"x\",\"a\":\"y\"}}      | settings.a     | appears more than once",
    })
    void refusesWhatItWouldOtherwiseGuess(String json, String field, String message) {
        FieldError error = StrictBinding.error(catchThrowableOfType(JacksonException.class,
                () -> JSON.readValue(json, Sample.class)));

        assertThat(error.field()).isEqualTo(field);
        assertThat(error.message()).startsWith(message).doesNotContain("java.", "Integer", "Sample");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "name: 5           | name",
        "name: 1.0         | name",
        "enabled: yes      | enabled",
        "context_window: 1.5 | context_window",
    })
    void yamlIsReadAsStrictly(String yaml, String field) {
        FieldError error = StrictBinding.error(catchThrowableOfType(JacksonException.class,
                () -> YAML.readValue(yaml, Sample.class)));

        assertThat(error.field()).isEqualTo(field);
    }

    @Test
    void yamlKeysMayNotRepeat() {
        FieldError error = StrictBinding.error(catchThrowableOfType(JacksonException.class,
                () -> YAML.readTree("models:\n  - name: a\n    name: b\n")));

        assertThat(error.field()).isEqualTo("models[0].name");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "{\"name\":\"a\",\"context_window\":5,\"price\":0.15,\"enabled\":false}",
        "{\"expires_at\":\"2030-01-01T00:00:00Z\"}",
        "{\"price\":1,\"tags\":[],\"settings\":{},\"expires_at\":\"2030-01-01T01:00:00+01:00\"}",
    })
    void bindsWhatAlreadyHasItsFieldsType(String json) {
        assertThat(JSON.readValue(json, Sample.class)).isNotNull();
    }
}
