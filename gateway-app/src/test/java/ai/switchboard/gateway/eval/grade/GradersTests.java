package ai.switchboard.gateway.eval.grade;

import static org.assertj.core.api.Assertions.assertThat;

import ai.switchboard.registry.admin.FieldError;
import ai.switchboard.registry.admin.FieldErrors;
import ai.switchboard.registry.admin.RegistryValidationException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class GradersTests {

    private static final Set<String> KNOWN = Set.of("judge-model");

    @Test
    void exactMatchIgnoresSurroundingSpaceAndCaseOnlyWhenAsked() {
        LocalGrader strict = local("{\"type\":\"exact_match\"}");
        LocalGrader loose = local("{\"type\":\"exact_match\",\"ignore_case\":true}");

        assertThat(strict.grade("  Paris\n", json("\"Paris\"")).passed()).isTrue();
        assertThat(strict.grade("paris", json("\"Paris\"")).passed()).isFalse();
        assertThat(loose.grade("paris", json("\"Paris\"")).passed()).isTrue();
        assertThat(strict.grade("42", json("42")).passed()).isTrue();
    }

    @Test
    void aPatternThatBacktracksForeverFailsItsCaseInsteadOfHoldingTheThread() {
        // Polynomial of degree 20 in the answer's length: the JDK's loop memoization does not save it.
        Grade grade = local("{\"type\":\"regex\",\"pattern\":\"(.*a){20}$\"}").grade("a".repeat(30) + "!", null);

        assertThat(grade.passed()).isFalse();
        assertThat(grade.detail()).contains("took longer than");
    }

    @Test
    void regexUsesItsPatternOrTheExpectation() {
        assertThat(local("{\"type\":\"regex\",\"pattern\":\"^\\\\d{3}$\"}").grade("123", null).passed()).isTrue();
        assertThat(local("{\"type\":\"regex\",\"pattern\":\"^\\\\d{3}$\"}").grade("1234", null).passed()).isFalse();
        assertThat(local("{\"type\":\"regex\"}").grade("the cat sat", json("\"c.t\"")).passed()).isTrue();
    }

    @Test
    void jsonSchemaAcceptsValidJsonEvenFencedAndRefusesTheRest() {
        LocalGrader schema = local("{\"type\":\"json_schema\",\"schema\":{\"type\":\"object\","
                + "\"required\":[\"city\"],\"properties\":{\"city\":{\"type\":\"string\"}}}}");

        assertThat(schema.grade("{\"city\":\"Oslo\"}", null).passed()).isTrue();
        assertThat(schema.grade("```json\n{\"city\":\"Oslo\"}\n```", null).passed()).isTrue();
        assertThat(schema.grade("{\"city\":3}", null).passed()).isFalse();
        Grade notJson = schema.grade("Oslo", null);
        assertThat(notJson.passed()).isFalse();
        assertThat(notJson.detail()).isEqualTo("the answer is not JSON");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "First 3 apples, then 4 more: 7 | 7 | true",
        "3 + 4 = 7. | 7 | true",
        "The total is 1,234.5 dollars | 1234.5 | true",
        "I think 7, no wait, 8 | 7 | false",
        "no number here | 7 | false",
        "-2 | -2 | true",
    })
    void numericMatchReadsTheLastNumber(String answer, String expected, boolean passed) {
        assertThat(local("{\"type\":\"numeric_match\"}").grade(answer, json(expected)).passed()).isEqualTo(passed);
    }

    @Test
    void numericToleranceWidensTheMatch() {
        assertThat(local("{\"type\":\"numeric_match\",\"tolerance\":0.01}").grade("3.141", json("3.14")).passed())
                .isTrue();
        assertThat(local("{\"type\":\"numeric_match\"}").grade("3.141", json("3.14")).passed()).isFalse();
    }

    @Test
    void containsAndNotContains() {
        assertThat(local("{\"type\":\"contains\"}").grade("It is Paris.", json("\"Paris\"")).passed()).isTrue();
        assertThat(local("{\"type\":\"contains\",\"ignore_case\":true}").grade("PARIS", json("\"paris\"")).passed())
                .isTrue();
        assertThat(local("{\"type\":\"not_contains\",\"value\":\"As an AI\"}").grade("As an AI, no", null).passed())
                .isFalse();
        assertThat(local("{\"type\":\"not_contains\",\"value\":\"As an AI\"}").grade("Sure", null).passed())
                .isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "'{\"score\": 8}' | 8",
        "'Here you go: {\"score\": 10} because' | 10",
        "'8/10' | 8",
        "'Score: 3. The answer is wrong.' | 3",
        "'{\"score\": 42} but really 6' | 6",
        "'I give it 0.5 and 11' | ",
        "'no idea' | ",
    })
    void theJudgesScoreIsReadRobustly(String reply, Integer score) {
        assertThat(JudgeGrader.score(reply)).isEqualTo(score);
    }

    @Test
    void theJudgePassesAtItsThreshold() {
        JudgeGrader judge = (JudgeGrader) parse("{\"type\":\"llm_judge\",\"model\":\"judge-model\","
                + "\"rubric\":\"Is it right?\",\"pass_score\":8}");

        assertThat(judge.grade("{\"score\":8}")).isEqualTo(new Grade(true, 8, null));
        assertThat(judge.grade("{\"score\":7}").passed()).isFalse();
        assertThat(judge.grade("dunno").passed()).isFalse();
        assertThat(judge.prompt(List.of(), "an answer", json("\"ref\"")).get(1).text())
                .contains("Reference answer:\nref").endsWith("Answer to grade:\nan answer");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"type\":\"fuzzy\"} | grader.type",
        "{} | grader.type",
        "[] | grader",
        "{\"type\":\"exact_match\",\"pattern\":\"x\"} | grader.pattern",
        "{\"type\":\"exact_match\",\"ignore_case\":\"yes\"} | grader.ignore_case",
        "{\"type\":\"regex\",\"pattern\":\"(unclosed\"} | grader.pattern",
        "{\"type\":\"json_schema\",\"schema\":{\"type\":\"strnig\"}} | grader.schema",
        "{\"type\":\"json_schema\"} | grader.schema",
        "{\"type\":\"numeric_match\",\"tolerance\":-1} | grader.tolerance",
        "{\"type\":\"contains\",\"value\":\"\"} | grader.value",
        "{\"type\":\"llm_judge\",\"model\":\"nobody\",\"rubric\":\"r\"} | grader.model",
        "{\"type\":\"llm_judge\",\"model\":\"judge-model\"} | grader.rubric",
        "{\"type\":\"llm_judge\",\"model\":\"judge-model\",\"rubric\":\"r\",\"pass_score\":11} | grader.pass_score",
    })
    void badGradersAreRefusedNamingTheField(String spec, String field) {
        FieldErrors errors = new FieldErrors();
        assertThat(Graders.parse(errors, "grader", json(spec), KNOWN::contains)).isNull();
        assertThat(fields(errors)).contains(field);
    }

    @Test
    void localGradersCheckTheExpectationTheyNeed() {
        FieldErrors errors = new FieldErrors();
        local("{\"type\":\"numeric_match\"}").checkExpected(errors, "expected", json("\"seven\""));
        local("{\"type\":\"regex\"}").checkExpected(errors, "pattern", json("\"(\""));
        local("{\"type\":\"exact_match\"}").checkExpected(errors, "missing", null);
        local("{\"type\":\"contains\",\"value\":\"x\"}").checkExpected(errors, "fine", null);

        assertThat(fields(errors)).containsExactly("expected", "pattern", "missing");
    }

    private static List<String> fields(FieldErrors errors) {
        try {
            errors.throwIfAny();
            return List.of();
        } catch (RegistryValidationException e) {
            return e.errors().stream().map(FieldError::field).toList();
        }
    }

    private static Grader parse(String spec) {
        FieldErrors errors = new FieldErrors();
        Grader grader = Graders.parse(errors, "grader", json(spec), KNOWN::contains);
        assertThat(fields(errors)).isEmpty();
        return grader;
    }

    private static LocalGrader local(String spec) {
        return (LocalGrader) parse(spec);
    }

    private static JsonNode json(String text) {
        return JsonMapper.shared().readTree(text);
    }
}
