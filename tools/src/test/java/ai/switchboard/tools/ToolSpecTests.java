package ai.switchboard.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import ai.switchboard.providers.json.WireJson;
import org.junit.jupiter.api.Test;

class ToolSpecTests {

    @Test
    void rendersAsAnOpenAiFunctionTool() {
        ToolSpec spec = new ToolSpec("get_weather", "Weather by city",
                WireJson.mapper().readTree("{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}}}"));

        assertThat(spec.toOpenAiTool().toString()).isEqualTo(
                "{\"type\":\"function\",\"function\":{\"name\":\"get_weather\",\"description\":\"Weather by city\","
                        + "\"parameters\":{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}}}}}");
    }

    @Test
    void defaultsToAnArgumentlessSchema() {
        assertThat(new ToolSpec("now", null, null).parameters().toString()).isEqualTo("{\"type\":\"object\"}");
    }

    @Test
    void rejectsNamesProvidersWouldRefuseAndNonObjectSchemas() {
        assertThatIllegalArgumentException().isThrownBy(() -> new ToolSpec("bad name", null, null));
        assertThatIllegalArgumentException().isThrownBy(() -> new ToolSpec("x".repeat(65), null, null));
        assertThatIllegalArgumentException().isThrownBy(
                () -> new ToolSpec("t", null, WireJson.mapper().readTree("{\"type\":\"string\"}")));
    }
}
