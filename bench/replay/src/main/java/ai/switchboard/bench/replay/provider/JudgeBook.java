package ai.switchboard.bench.replay.provider;

import ai.switchboard.bench.replay.record.JudgeVerdict;
import ai.switchboard.bench.replay.record.PromptKey;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Recorded judge scores, found by content: a judge request (whatever its wording, which is the gateway's, not the
 * recording's) is matched to the verdict whose question and answer it contains. When several match, the one with
 * the longest answer wins: a short answer can be a substring of a longer one, never the other way round.
 */
public final class JudgeBook {

    private record Entry(String judgeModel, String question, String answer, int score) {
    }

    private final List<Entry> entries;
    private final Set<String> judgeModels;

    private JudgeBook(List<Entry> entries) {
        this.entries = entries;
        this.judgeModels = entries.stream().map(Entry::judgeModel).collect(Collectors.toUnmodifiableSet());
    }

    public static JudgeBook of(List<JudgeVerdict> verdicts) {
        List<Entry> entries = new ArrayList<>(verdicts.size());
        for (JudgeVerdict verdict : verdicts) {
            entries.add(new Entry(verdict.judgeModel(), PromptKey.of(verdict.question()),
                    PromptKey.of(verdict.answer()), verdict.score()));
        }
        return new JudgeBook(List.copyOf(entries));
    }

    /** The recorded score {@code judgeModel} gave the answer quoted in {@code request}, if it judged it. */
    public OptionalInt score(String judgeModel, String request) {
        String text = PromptKey.of(request);
        Entry best = null;
        for (Entry entry : entries) {
            if (entry.judgeModel().equals(judgeModel) && !entry.answer().isEmpty() && text.contains(entry.answer())
                    && text.contains(entry.question())
                    && (best == null || entry.answer().length() > best.answer().length())) {
                best = entry;
            }
        }
        return best == null ? OptionalInt.empty() : OptionalInt.of(best.score());
    }

    public Set<String> judgeModels() {
        return judgeModels;
    }
}
