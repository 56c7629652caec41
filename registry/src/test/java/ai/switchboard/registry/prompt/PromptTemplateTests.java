package ai.switchboard.registry.prompt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.switchboard.registry.admin.FieldErrors;
import ai.switchboard.registry.admin.RegistryValidationException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class PromptTemplateTests {

    private static PromptTemplate compile(String json) {
        FieldErrors errors = new FieldErrors();
        PromptTemplate template = PromptTemplate.parse(errors, "template", JsonMapper.shared().readTree(json));
        errors.throwIfAny();
        return template;
    }

    private static String problems(String json) {
        FieldErrors errors = new FieldErrors();
        PromptTemplate template = PromptTemplate.parse(errors, "template", JsonMapper.shared().readTree(json));
        assertThat(template).isNull();
        try {
            errors.throwIfAny();
        } catch (RegistryValidationException e) {
            return e.getMessage();
        }
        throw new AssertionError("no problem reported for " + json);
    }

    @Test
    void rendersNestedStepOutputsListsAndSectionsWithoutEscaping() {
        PromptTemplate template = compile("{\"text\":\"{{steps.extract.output}} | {{#items}}[{{.}}]{{/items}}"
                + "{{^missing}} none{{/missing}} <{{raw}}>\"}");

        String text = template.render(Map.of("steps", Map.of("extract", Map.of("output", "A & B")),
                "items", List.of("x", "y"), "raw", "\"q\"")).text();

        assertThat(text).isEqualTo("A & B | [x][y] none <\"q\">");
    }

    @Test
    void aMissingVariableIsAnErrorNamingItAndItsLine() {
        PromptTemplate template = compile("{\"messages\":[{\"role\":\"user\",\"content\":\"a\\n{{who}}\"}]}");

        assertThatThrownBy(() -> template.render(Map.of("other", 1))).isInstanceOf(PromptRenderException.class)
                .hasMessage("messages[0].content: no variable 'who' (line 2)");
    }

    @Test
    void aTemplateCannotReachJavaMethodsOrIncludeOtherTemplates() {
        PromptTemplate template = compile("{\"text\":\"{{input.class}}{{input.length}}\"}");

        assertThatThrownBy(() -> template.render(Map.of("input", "abc"))).isInstanceOf(PromptRenderException.class);
        assertThat(problems("{\"text\":\"{{> secrets}}\"}")).contains("partial");
        assertThat(problems("{\"text\":\"{{< parent}}{{/parent}}\"}")).contains("not supported");
    }

    @Test
    void syntaxErrorsNameTheFieldAndPosition() {
        assertThat(problems("{\"text\":\"ok\\nnot {{closed\"}")).contains("template.text")
                .contains("line 2, column 5");
        assertThat(problems("{\"text\":\"{{#a}}\\n\\n{{/b}}\"}")).contains("line 3");
        assertThat(problems("{\"messages\":[{\"role\":\"user\",\"content\":\"{{/x}}\"}]}"))
                .contains("template.messages[0].content");
        assertThat(problems("{\"messages\":[{\"role\":\"tool\",\"content\":\"x\"}]}"))
                .contains("template.messages[0].role");
        assertThat(problems("{\"text\":\"a\",\"messages\":[]}")).contains("exactly one");
    }

    @Test
    void storedTemplatesRenderTheSameAfterARoundTrip() {
        JsonNode source = JsonMapper.shared().readTree("{\"text\":\"hi {{n}}\"}");
        assertThat(PromptTemplate.stored(source).render(Map.of("n", 3)).text()).isEqualTo("hi 3");
    }
}
