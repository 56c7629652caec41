package ai.switchboard.bench.replay.record;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * RouteLLM's response tables ({@code routellm/evals/gsm8k/gsm8k_responses.csv},
 * {@code routellm/evals/mmlu/responses/mmlu_*.csv}): a {@code prompt} column, one {@code True}/{@code False} column
 * per model, and for GSM8K a {@code <model>_response} column with the answer text. Rows that lack a grade of either
 * model are skipped.
 *
 * <p>MMLU rows carry only the grade. Their answer text is synthesised (see {@link #synthesisedAnswer}): it says what
 * the recording says, that the model's answer was right or wrong, and it is graded exactly as recorded because the
 * harness grades by the recording, never by the text.
 */
public final class RouteLlmLoader {

    public static final String STRONG = "gpt-4-1106-preview";
    public static final String WEAK = "mistralai/Mixtral-8x7B-Instruct-v0.1";
    private static final String RESPONSE_SUFFIX = "_response";

    private RouteLlmLoader() {
    }

    /** Items of one or more response tables, in file order, then row order. */
    public static List<ReplayItem> items(List<Path> files, String idPrefix) throws IOException {
        List<ReplayItem> items = new ArrayList<>();
        for (Path file : files) {
            String source = file.getFileName().toString().replaceFirst("\\.csv$", "");
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                    CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                            .parse(reader)) {
                List<String> header = parser.getHeaderNames();
                for (String model : List.of(STRONG, WEAK)) {
                    if (!header.contains(model)) {
                        throw new IOException(file + ": no column " + model + " (columns: " + header + ")");
                    }
                }
                for (CSVRecord row : parser) {
                    ReplayItem item = item(row, header, idPrefix + source + "#" + row.getRecordNumber());
                    if (item != null) {
                        items.add(item);
                    }
                }
            }
        }
        return items;
    }

    public static ReplayDataset dataset(String name, List<Path> files) throws IOException {
        return Datasets.ranked(name, STRONG, WEAK, items(files, ""), 1);
    }

    private static ReplayItem item(CSVRecord row, List<String> header, String id) {
        String prompt = row.get("prompt");
        Double strong = grade(row.get(STRONG));
        Double weak = grade(row.get(WEAK));
        if (prompt == null || prompt.isBlank() || strong == null || weak == null) {
            return null;
        }
        return new ReplayItem(id, prompt, java.util.Map.of(
                STRONG, answer(row, header, STRONG, strong),
                WEAK, answer(row, header, WEAK, weak)));
    }

    private static ModelAnswer answer(CSVRecord row, List<String> header, String model, double grade) {
        String column = model + RESPONSE_SUFFIX;
        if (header.contains(column) && !row.get(column).isBlank()) {
            return ModelAnswer.of(row.get(column), grade);
        }
        return new ModelAnswer(synthesisedAnswer(model, grade), grade, null, null, true);
    }

    /** The stand-in text of an answer the recording holds only the grade of. */
    static String synthesisedAnswer(String model, double grade) {
        return "[replayed: the recorded answer of " + model + " was graded " + (grade > 0 ? "correct" : "incorrect")
                + "]";
    }

    private static Double grade(String value) {
        return switch (value == null ? "" : value.strip().toLowerCase(Locale.ROOT)) {
            case "true", "1", "1.0" -> 1.0;
            case "false", "0", "0.0" -> 0.0;
            default -> null;
        };
    }
}
