package ai.switchboard.bench.replay.provider;

import static org.assertj.core.api.Assertions.assertThat;

import ai.switchboard.bench.replay.record.ModelAnswer;
import ai.switchboard.bench.replay.record.ReplayDataset;
import ai.switchboard.bench.replay.record.ReplayItem;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReplayBookTests {

    @Test
    void findsAnAnswerByModelAndPromptWithWhitespaceNormalisedButCaseKept() {
        ReplayBook book = ReplayBook.of(List.of(dataset("a", item("1", "Add 2\r\nand 3.", "5", "6"))));

        assertThat(book.find("s", "  Add 2 and\t3. ").text()).isEqualTo("5");
        assertThat(book.find("w", "Add 2 and 3.").text()).isEqualTo("6");
        assertThat(book.find("s", "add 2 and 3.")).isNull();
        assertThat(book.find("s", "Add 2 and 3")).isNull();
        assertThat(book.find("other", "Add 2 and 3.")).isNull();
    }

    @Test
    void keepsTheFirstOfTwoRecordingsOfOnePromptAndCountsTheConflict() {
        ReplayBook book = ReplayBook.of(List.of(dataset("a", item("1", "Same?", "first", "w")),
                dataset("b", item("2", "Same? ", "second", "w"))));

        assertThat(book.find("s", "Same?").text()).isEqualTo("first");
        // The weak model's two recordings agree, so only the strong model's count.
        assertThat(book.conflicts()).isEqualTo(1);
    }

    private static ReplayDataset dataset(String name, ReplayItem... items) {
        return new ReplayDataset(name, "s", "w", List.of(items), 1);
    }

    private static ReplayItem item(String id, String prompt, String strong, String weak) {
        return new ReplayItem(id, prompt, Map.of("s", ModelAnswer.of(strong, 1), "w", ModelAnswer.of(weak, 0)));
    }
}
