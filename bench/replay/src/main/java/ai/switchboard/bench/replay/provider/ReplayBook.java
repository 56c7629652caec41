package ai.switchboard.bench.replay.provider;

import ai.switchboard.bench.replay.record.ModelAnswer;
import ai.switchboard.bench.replay.record.PromptKey;
import ai.switchboard.bench.replay.record.ReplayDataset;
import ai.switchboard.bench.replay.record.ReplayItem;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The recorded answers by model and prompt key ({@link PromptKey}). A prompt recorded twice for one model keeps its
 * first answer; the count of such repeats with a different answer is kept so a report can say so.
 */
public final class ReplayBook {

    private final Map<String, Map<String, ModelAnswer>> byModel;
    private final int conflicts;

    private ReplayBook(Map<String, Map<String, ModelAnswer>> byModel, int conflicts) {
        this.byModel = byModel;
        this.conflicts = conflicts;
    }

    public static ReplayBook of(List<ReplayDataset> datasets) {
        Map<String, Map<String, ModelAnswer>> byModel = new HashMap<>();
        int conflicts = 0;
        for (ReplayDataset dataset : datasets) {
            for (ReplayItem item : dataset.items()) {
                String key = PromptKey.of(item.prompt());
                for (Map.Entry<String, ModelAnswer> answer : item.answers().entrySet()) {
                    ModelAnswer earlier = byModel.computeIfAbsent(answer.getKey(), model -> new HashMap<>())
                            .putIfAbsent(key, answer.getValue());
                    if (earlier != null && !earlier.text().equals(answer.getValue().text())) {
                        conflicts++;
                    }
                }
            }
        }
        byModel.replaceAll((model, answers) -> Map.copyOf(answers));
        return new ReplayBook(Map.copyOf(byModel), conflicts);
    }

    /** The recorded answer of {@code model} to the prompt, or {@code null} when there is none. */
    public ModelAnswer find(String model, String prompt) {
        Map<String, ModelAnswer> answers = byModel.get(model);
        return answers == null ? null : answers.get(PromptKey.of(prompt));
    }

    public Set<String> models() {
        return byModel.keySet();
    }

    /** Prompts recorded more than once for a model with different answers (the first one is served). */
    public int conflicts() {
        return conflicts;
    }
}
