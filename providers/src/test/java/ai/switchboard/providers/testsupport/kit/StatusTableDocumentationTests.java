package ai.switchboard.providers.testsupport.kit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Keeps {@code docs/provider-errors.md} and the kit's status table in step: one can't change without the other. */
class StatusTableDocumentationTests {

    private static final Path DOC = Path.of("..", "docs", "provider-errors.md");

    @Test
    void everyDefaultRowIsDocumentedExactlyOnce() throws IOException {
        List<String> tableLines = Files.readAllLines(DOC).stream()
                .filter(line -> line.matches("\\| \\d{3} \\|.*"))
                .toList();

        assertThat(tableLines).hasSameSizeAs(StatusTable.defaults().rows());
        for (StatusRow row : StatusTable.defaults().rows()) {
            String expected = "| " + row.upstreamStatus() + " | `" + row.type() + "` | "
                    + (row.retriable() ? "yes" : "no") + " | " + row.clientStatus() + " |";
            assertThat(tableLines).as("documented row for %d", row.upstreamStatus())
                    .anySatisfy(line -> assertThat(line).startsWith(expected));
        }
    }
}
