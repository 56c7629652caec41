package ai.switchboard.bench.replay.record;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads a JSON Lines file; a line that is not JSON fails the load with its file and line number. */
public final class JsonLines {

    public static final JsonMapper MAPPER = JsonMapper.builder().build();

    private JsonLines() {
    }

    public static List<JsonNode> read(Path file) throws IOException {
        List<JsonNode> rows = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    rows.add(MAPPER.readTree(line));
                } catch (JacksonException e) {
                    throw new IOException(file + ":" + number + ": not JSON: " + e.getOriginalMessage(), e);
                }
            }
        }
        return rows;
    }
}
