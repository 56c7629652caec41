package ai.switchboard.bench.replay.record;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Shared steps of the loaders: ranking the two models and dropping repeated prompts. */
final class Datasets {

    private Datasets() {
    }

    /**
     * A dataset whose strong model is the one with the higher mean recorded score (the first on a tie), with each
     * prompt kept once: the replay provider answers by prompt, so a repeated prompt could only ever get the first
     * recording's answer.
     */
    static ReplayDataset ranked(String name, String first, String second, List<ReplayItem> items, double maxScore) {
        List<ReplayItem> unique = new ArrayList<>(items.size());
        Set<String> seen = new HashSet<>();
        for (ReplayItem item : items) {
            if (seen.add(PromptKey.of(item.prompt()))) {
                unique.add(item);
            }
        }
        if (unique.isEmpty()) {
            throw new IllegalArgumentException(name + ": no usable rows");
        }
        boolean firstIsStrong = mean(unique, first) >= mean(unique, second);
        return new ReplayDataset(name, firstIsStrong ? first : second, firstIsStrong ? second : first, unique,
                maxScore);
    }

    private static double mean(List<ReplayItem> items, String model) {
        return items.stream().mapToDouble(item -> item.answer(model).score()).average().orElse(0);
    }
}
