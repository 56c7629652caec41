package ai.switchboard.bench.replay.record;

import java.util.Map;
import java.util.Objects;

/**
 * One prompt of a dataset with what each recorded model answered to it.
 *
 * @param id a stable identifier within the dataset (row number, question id or the recording's own index)
 * @param prompt the user message exactly as recorded
 * @param answers the recorded answer of each model, by the model's recorded name
 */
public record ReplayItem(String id, String prompt, Map<String, ModelAnswer> answers) {

    public ReplayItem {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(prompt, "prompt");
        answers = Map.copyOf(answers);
    }

    public ModelAnswer answer(String model) {
        ModelAnswer answer = answers.get(model);
        if (answer == null) {
            throw new IllegalArgumentException("item " + id + " has no recorded answer of " + model);
        }
        return answer;
    }
}
