package ai.switchboard.bench.replay.record;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * RouteLLM's MT-Bench recordings: {@code question.jsonl} ({@code question_id}, {@code turns}) and
 * {@code judgements.jsonl}, one GPT-4 judgement per (question, model, turn) whose {@code user_prompt} holds the
 * answer between {@code [The Start of Assistant's Answer]} markers and whose {@code score} is 1-10.
 *
 * <p>Only first turns are replayed: a second turn's recorded answer was written after the same model's own first
 * answer, which a routed conversation would not have had. Questions lacking a scored first-turn judgement of
 * either model are skipped. The judgements also become {@link JudgeVerdict}s, so that a cascade's judge can be
 * answered with the score GPT-4 really gave.
 */
public final class MtBenchLoader {

    static final String ANSWER_START = "[The Start of Assistant's Answer]";
    static final String ANSWER_END = "[The End of Assistant's Answer]";

    /** What one load yields: the dataset and the judge's verdicts on its answers. */
    public record Loaded(ReplayDataset dataset, List<JudgeVerdict> verdicts) {
    }

    private MtBenchLoader() {
    }

    public static Loaded load(String name, Path questions, Path judgements) throws IOException {
        Map<Integer, String> firstTurns = new LinkedHashMap<>();
        for (JsonNode question : JsonLines.read(questions)) {
            JsonNode turns = question.path("turns");
            if (question.path("question_id").isInt() && turns.isArray() && !turns.isEmpty()) {
                firstTurns.put(question.path("question_id").asInt(), turns.get(0).asString());
            }
        }
        Map<Integer, Map<String, ModelAnswer>> answers = new LinkedHashMap<>();
        List<JudgeVerdict> verdicts = new ArrayList<>();
        for (JsonNode judgement : JsonLines.read(judgements)) {
            int id = judgement.path("question_id").asInt(-1);
            int score = judgement.path("score").asInt(-1);
            String question = firstTurns.get(id);
            String answer = answerIn(judgement.path("user_prompt").asString(""));
            if (judgement.path("turn").asInt(1) != 1 || question == null || answer == null || score < 1) {
                continue;
            }
            String model = judgement.path("model").asString();
            answers.computeIfAbsent(id, key -> new HashMap<>()).put(model, ModelAnswer.of(answer, score));
            verdicts.add(new JudgeVerdict(judgeModel(judgement), question, answer, score));
        }
        String strong = RouteLlmLoader.STRONG;
        String weak = RouteLlmLoader.WEAK;
        List<ReplayItem> items = new ArrayList<>();
        answers.forEach((id, byModel) -> {
            if (byModel.containsKey(strong) && byModel.containsKey(weak)) {
                items.add(new ReplayItem("q" + id, firstTurns.get(id), Map.of(strong, byModel.get(strong),
                        weak, byModel.get(weak))));
            }
        });
        return new Loaded(Datasets.ranked(name, strong, weak, items, 10), List.copyOf(verdicts));
    }

    /** The text between the answer markers, or {@code null}. */
    static String answerIn(String judgePrompt) {
        int start = judgePrompt.indexOf(ANSWER_START);
        int end = start < 0 ? -1 : judgePrompt.indexOf(ANSWER_END, start);
        return end < 0 ? null : judgePrompt.substring(start + ANSWER_START.length(), end).strip();
    }

    private static String judgeModel(JsonNode judgement) {
        JsonNode judge = judgement.path("judge");
        return judge.isArray() && !judge.isEmpty() ? judge.get(0).asString() : judge.asString("gpt-4");
    }
}
