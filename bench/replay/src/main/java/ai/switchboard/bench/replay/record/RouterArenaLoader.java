package ai.switchboard.bench.replay.record;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * RouterArena's cached results ({@code cached_results/<model>.jsonl}): one line per (prompt, model) call with
 * {@code global_index}, {@code question}, {@code generated_answer}, {@code token_usage} and
 * {@code evaluation_result.score} (0-1). Two models' files are joined on {@code global_index}; calls that failed or
 * were not evaluated are skipped. Token counts are the ones the providers billed, per model (their tokenizers and
 * system prompts differ).
 */
public final class RouterArenaLoader {

    private RouterArenaLoader() {
    }

    public static ReplayDataset dataset(String name, Path firstFile, Path secondFile) throws IOException {
        String first = modelName(firstFile);
        String second = modelName(secondFile);
        Map<String, JsonNode> firstRows = byIndex(firstFile);
        Map<String, JsonNode> secondRows = byIndex(secondFile);
        List<ReplayItem> items = new ArrayList<>();
        firstRows.forEach((index, row) -> {
            JsonNode other = secondRows.get(index);
            if (other != null && row.path("question").asString("").equals(other.path("question").asString(""))) {
                items.add(new ReplayItem(index, row.path("question").asString(),
                        Map.of(first, answer(row), second, answer(other))));
            }
        });
        return Datasets.ranked(name, first, second, items, 1);
    }

    /** The model a results file is named after ({@code gemini-2.0-flash-001.jsonl}). */
    public static String modelName(Path file) {
        return file.getFileName().toString().replaceFirst("\\.jsonl$", "");
    }

    private static Map<String, JsonNode> byIndex(Path file) throws IOException {
        Map<String, JsonNode> rows = new LinkedHashMap<>();
        for (JsonNode row : JsonLines.read(file)) {
            JsonNode result = row.path("evaluation_result");
            if (row.path("success").asBoolean(false) && result.path("score").isNumber()
                    && row.path("global_index").isString() && row.path("question").isString()
                    && row.path("generated_answer").isString()) {
                rows.putIfAbsent(row.path("global_index").asString(), row);
            }
        }
        return rows;
    }

    private static ModelAnswer answer(JsonNode row) {
        JsonNode usage = row.path("token_usage");
        return new ModelAnswer(row.path("generated_answer").asString(),
                row.path("evaluation_result").path("score").asDouble(),
                usage.path("input_tokens").isInt() ? usage.path("input_tokens").asInt() : null,
                usage.path("output_tokens").isInt() ? usage.path("output_tokens").asInt() : null, false);
    }
}
