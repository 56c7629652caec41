package ai.switchboard.bench.replay.record;

import java.util.List;
import java.util.Objects;

/**
 * A set of prompts answered by two recorded models. "Strong" is the model the results are measured against (100%
 * accuracy, 100% cost): the one with the higher recorded quality, whatever it costs.
 *
 * @param name a short name used in route names and reports ({@code gsm8k}, {@code mmlu}, ...)
 * @param strongModel the recorded name of the reference model
 * @param weakModel the recorded name of the other model
 * @param items the prompts; every item has an answer of both models
 * @param maxScore the best possible score of one answer (1, or 10 for MT-Bench), to print scores as percentages
 */
public record ReplayDataset(String name, String strongModel, String weakModel, List<ReplayItem> items,
        double maxScore) {

    public ReplayDataset {
        Objects.requireNonNull(name, "name");
        items = List.copyOf(items);
        if (strongModel.equals(weakModel)) {
            throw new IllegalArgumentException(name + ": the strong and weak model must differ");
        }
        for (ReplayItem item : items) {
            item.answer(strongModel);
            item.answer(weakModel);
        }
        if (maxScore <= 0) {
            throw new IllegalArgumentException(name + ": maxScore must be positive");
        }
    }

    public List<String> models() {
        return List.of(strongModel, weakModel);
    }

    /** The first {@code limit} items, or all when {@code limit} is not positive. */
    public ReplayDataset limit(int limit) {
        return limit <= 0 || limit >= items.size() ? this
                : new ReplayDataset(name, strongModel, weakModel, items.subList(0, limit), maxScore);
    }
}
