package ai.switchboard.bench.replay.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoadersTests {

    private static final String S = RouteLlmLoader.STRONG;
    private static final String W = RouteLlmLoader.WEAK;

    @TempDir
    Path dir;

    @Test
    void readsRouteLlmAnswersWithQuotedLineBreaksAndSkipsUngradedRows() throws IOException {
        Path csv = write("gsm8k_responses.csv", "prompt," + W + "," + S + "," + W + "_response," + S + "_response\n"
                + "\"Two, then\nthree?\",False,True,\" 2+3=6\n#### 6\",\"5\"\n"
                + "Ungraded?,,True,x,y\n"
                + "Four?,True,True,4,4\n");

        ReplayDataset dataset = RouteLlmLoader.dataset("gsm8k", List.of(csv));

        assertThat(dataset.items()).hasSize(2);
        ReplayItem first = dataset.items().get(0);
        assertThat(first.prompt()).isEqualTo("Two, then\nthree?");
        assertThat(first.answer(W)).isEqualTo(ModelAnswer.of(" 2+3=6\n#### 6", 0));
        assertThat(first.answer(S).score()).isEqualTo(1);
        assertThat(dataset.strongModel()).isEqualTo(S);
    }

    @Test
    void synthesisesMmluAnswersThatSayTheRecordedGradeAndRanksTheModelsByIt() throws IOException {
        Path algebra = write("mmlu_a.csv", "prompt," + W + "," + S + "\nQ1\nA. 1\nAnswer:,True,False\n".replace(
                "Q1\nA. 1\nAnswer:", "\"Q1\nA. 1\nAnswer:\"") + "Q2,True,False\n");
        Path medicine = write("mmlu_b.csv", "prompt," + W + "," + S + "\nQ3,True,True\n");

        ReplayDataset dataset = RouteLlmLoader.dataset("mmlu", List.of(algebra, medicine));

        assertThat(dataset.items()).extracting(ReplayItem::id).containsExactly("mmlu_a#1", "mmlu_a#2", "mmlu_b#1");
        ModelAnswer weak = dataset.items().get(0).answer(W);
        assertThat(weak.synthesised()).isTrue();
        assertThat(weak.text()).contains("graded correct");
        assertThat(dataset.items().get(0).answer(S).text()).contains("graded incorrect");
        // Here the weak column scored higher, so it is the reference model.
        assertThat(dataset.strongModel()).isEqualTo(W);
    }

    @Test
    void refusesAResponseTableWithoutTheModelsColumns() throws IOException {
        Path csv = write("other.csv", "prompt,some-model\nQ,True\n");

        assertThatThrownBy(() -> RouteLlmLoader.dataset("x", List.of(csv))).isInstanceOf(IOException.class)
                .hasMessageContaining(S);
    }

    @Test
    void readsMtBenchFirstTurnsWithTheirJudgeScoresAndAnswers() throws IOException {
        Path questions = write("q.jsonl", """
                {"question_id": 81, "category": "writing", "turns": ["Write a poem.", "Shorter."]}
                {"question_id": 82, "category": "math", "turns": ["What is 2+2?", "And 3+3?"]}
                """);
        Path judgements = write("j.jsonl", String.join("\n",
                judgement(81, S, 1, "A fine poem.", 9), judgement(81, W, 1, "A poem.", 6),
                judgement(81, S, 2, "Short.", 8), judgement(82, S, 1, "4", 10),
                judgement(82, W, 1, "5", -1)) + "\n");

        MtBenchLoader.Loaded loaded = MtBenchLoader.load("mt-bench", questions, judgements);

        // Question 82 lacks a scored answer of the weak model; turn 2 is never replayed.
        assertThat(loaded.dataset().items()).singleElement().satisfies(item -> {
            assertThat(item.prompt()).isEqualTo("Write a poem.");
            assertThat(item.answer(S)).isEqualTo(ModelAnswer.of("A fine poem.", 9));
            assertThat(item.answer(W)).isEqualTo(ModelAnswer.of("A poem.", 6));
        });
        assertThat(loaded.dataset().maxScore()).isEqualTo(10);
        assertThat(loaded.verdicts()).contains(new JudgeVerdict("gpt-4", "Write a poem.", "A poem.", 6));
    }

    @Test
    void joinsRouterArenaResultsOnTheirIndexWithTheBilledTokens() throws IOException {
        Path a = write("model-a.jsonl", arena("X_1", "Q1", "a1", 0.0, 100, 20) + arena("X_2", "Q2", "a2", 1.0, 90, 10)
                + "{\"global_index\":\"X_3\",\"question\":\"Q3\",\"success\":false}\n");
        Path b = write("model-b.jsonl", arena("X_2", "Q2", "b2", 1.0, 70, 30) + arena("X_1", "Q1", "b1", 0.5, 80, 40)
                + arena("X_3", "Q3", "b3", 1.0, 1, 1));

        ReplayDataset dataset = RouterArenaLoader.dataset("routerarena", a, b);

        assertThat(dataset.items()).extracting(ReplayItem::id).containsExactly("X_1", "X_2");
        assertThat(dataset.strongModel()).isEqualTo("model-b");
        assertThat(dataset.items().get(0).answers()).isEqualTo(Map.of(
                "model-a", new ModelAnswer("a1", 0, 100, 20, false),
                "model-b", new ModelAnswer("b1", 0.5, 80, 40, false)));
    }

    @Test
    void findsTheFilesOfAnUpstreamCheckoutLayoutAndLimitsEachDataset() throws IOException {
        Files.createDirectories(dir.resolve("routellm/evals/gsm8k"));
        Files.writeString(dir.resolve("routellm/evals/gsm8k/gsm8k_responses.csv"), "prompt," + W + "," + S
                + "\nA?,True,True\nB?,False,True\nA?,True,True\n");

        Recordings recordings = Recordings.load(new Recordings.Sources(dir, null,
                Recordings.Sources.SAMPLE_ROUTERARENA_MODELS, 1));

        assertThat(recordings.datasets()).singleElement().satisfies(dataset -> {
            assertThat(dataset.name()).isEqualTo("gsm8k");
            assertThat(dataset.items()).hasSize(1);
        });
        // The repeated prompt was dropped before the limit applied.
        assertThat(Recordings.load(new Recordings.Sources(dir, null, Recordings.Sources.SAMPLE_ROUTERARENA_MODELS,
                0)).datasets().get(0).items()).hasSize(2);
        assertThatThrownBy(() -> Recordings.load(new Recordings.Sources(dir.resolve("nothing"), null,
                Recordings.Sources.SAMPLE_ROUTERARENA_MODELS, 0))).isInstanceOf(IOException.class);
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    private static String judgement(int id, String model, int turn, String answer, int score) {
        String prompt = "[Question]\\nQ\\n\\n" + MtBenchLoader.ANSWER_START + "\\n" + answer + "\\n"
                + MtBenchLoader.ANSWER_END;
        return "{\"question_id\":" + id + ",\"model\":\"" + model + "\",\"judge\":[\"gpt-4\",\"single-v1\"],"
                + "\"user_prompt\":\"" + prompt + "\",\"judgment\":\"Rating: [[" + score + "]]\",\"score\":" + score
                + ",\"turn\":" + turn + "}";
    }

    private static String arena(String index, String question, String answer, double score, int in, int out) {
        return "{\"global_index\":\"" + index + "\",\"question\":\"" + question + "\",\"generated_answer\":\"" + answer
                + "\",\"token_usage\":{\"input_tokens\":" + in + ",\"output_tokens\":" + out + "},\"success\":true,"
                + "\"evaluation_result\":{\"score\":" + score + ",\"metric\":\"mcq_accuracy\"}}\n";
    }
}
