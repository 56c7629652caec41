package ai.switchboard.gateway.eval.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ai.switchboard.gateway.eval.grade.Grader;
import ai.switchboard.gateway.eval.grade.Graders;
import ai.switchboard.registry.admin.FieldError;
import ai.switchboard.registry.admin.FieldErrors;
import ai.switchboard.registry.admin.RegistryValidationException;
import ai.switchboard.registry.prompt.PromptTemplate;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class JsonlCasesTests {

    private static final Grader EXACT = Graders.parse(new FieldErrors(), "grader",
            JsonMapper.shared().readTree("{\"type\":\"exact_match\"}"), name -> true);
    private static final PromptTemplate TEMPLATE = PromptTemplate.stored(JsonMapper.shared().readTree(
            "{\"messages\":[{\"role\":\"system\",\"content\":\"Answer in one word.\"},"
                    + "{\"role\":\"user\",\"content\":\"Capital of {{country}}?\"}]}"));

    @Test
    void messagesAndRenderedVariablesBecomeNumberedCases() {
        String jsonl = """
                {"label":"fr","variables":{"country":"France"},"expected":"Paris"}

                {"messages":[{"role":"user","content":"2+2?"}],"expected":4,"grader":{"type":"numeric_match"}}
                """;

        List<DatasetCase> cases = JsonlCases.parse(jsonl, 3, TEMPLATE, EXACT, name -> true);

        assertThat(cases).extracting(DatasetCase::seq).containsExactly(3, 4);
        assertThat(cases.get(0).label()).isEqualTo("fr");
        assertThat(cases.get(0).messages().get(1).get("content").asString()).isEqualTo("Capital of France?");
        assertThat(cases.get(0).input().get("variables").get("country").asString()).isEqualTo("France");
        assertThat(cases.get(0).grader()).isNull();
        assertThat(cases.get(1).grader().get("type").asString()).isEqualTo("numeric_match");
    }

    @Test
    void everyBadLineIsNamedAndNothingIsKept() {
        String jsonl = String.join("\n",
                "{\"messages\":[{\"role\":\"user\",\"content\":\"ok\"}],\"expected\":\"x\"}",
                "not json",
                "{\"variables\":{},\"expected\":\"x\"}",
                "{\"messages\":[{\"role\":\"robot\",\"content\":\"x\"}],\"expected\":\"x\"}",
                "{\"messages\":[{\"role\":\"user\",\"content\":\"x\"}],\"expected\":\"x\",\"grader\":{\"type\":\"nope\"}}",
                "{\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}",
                "{\"messages\":[{\"role\":\"user\",\"content\":\"x\"}],\"expected\":\"x\",\"extra\":1}",
                "{\"messages\":[{\"role\":\"user\",\"content\":\"x\"}],\"expected\":\"(\",\"grader\":{\"type\":\"regex\"}}");

        RegistryValidationException refused = catchThrowableOfType(RegistryValidationException.class,
                () -> JsonlCases.parse(jsonl, 1, TEMPLATE, EXACT, name -> true));

        assertThat(refused.errors()).extracting(FieldError::field).containsExactly("lines[2]",
                "lines[3].variables", "lines[4].messages[0]", "lines[5].grader.type", "lines[6].expected",
                "lines[7].extra", "lines[8].expected");
    }

    @Test
    void variablesNeedATemplateAndEmptyImportsAreRefused() {
        assertThat(catchThrowableOfType(RegistryValidationException.class, () -> JsonlCases.parse(
                "{\"variables\":{\"country\":\"x\"},\"expected\":\"y\"}", 1, null, EXACT, name -> true)).errors())
                .extracting(FieldError::field).containsExactly("lines[1].variables");
        assertThat(catchThrowableOfType(RegistryValidationException.class,
                () -> JsonlCases.parse("\n\n", 1, null, EXACT, name -> true)).errors())
                .extracting(FieldError::field).containsExactly("body");
    }
}
