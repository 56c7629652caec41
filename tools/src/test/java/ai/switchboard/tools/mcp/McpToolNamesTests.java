package ai.switchboard.tools.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class McpToolNamesTests {

    @Test
    void keepsANameThatFitsBehindTheServersPrefix() {
        assertThat(McpToolNames.exposedName("github", "create_issue")).isEqualTo("github__create_issue");
        assertThat(McpToolNames.exposedName("everything", "get-sum")).isEqualTo("everything__get-sum");
        assertThat(McpToolNames.isVerbatim("github", "create_issue")).isTrue();
    }

    @Test
    void replacesCharactersModelsRefuseAndAddsAHashOfTheOriginal() {
        String dotted = McpToolNames.exposedName("fs", "files.read");

        assertThat(dotted).isEqualTo("fs__files_read_601e4eb6");
        assertThat(McpToolNames.exposedName("fs", "files.read")).isEqualTo(dotted);
        assertThat(McpToolNames.exposedName("fs", "files/read")).isNotEqualTo(dotted).startsWith("fs__files_read_");
        assertThat(McpToolNames.isVerbatim("fs", "files.read")).isFalse();
    }

    @Test
    void shortensALongNameToTheModelsLimitWithTheLongestServerName() {
        String server = "s".repeat(32);
        String tool = "t".repeat(128);

        String exposed = McpToolNames.exposedName(server, tool);

        assertThat(exposed).hasSize(64).matches(McpToolNames.MODEL_TOOL_NAME.pattern())
                .startsWith(server + "__" + "t".repeat(21) + "_");
        assertThat(McpToolNames.exposedName(server, tool + "x")).isNotEqualTo(exposed).hasSize(64);
    }

    @Test
    void everyExposedNameSatisfiesTheModelsRule() {
        for (String tool : new String[] {"a b", "ü", "x".repeat(61), "🙂emoji", ".", "ok-name"}) {
            assertThat(McpToolNames.exposedName("srv", tool)).matches(McpToolNames.MODEL_TOOL_NAME.pattern());
        }
    }
}
