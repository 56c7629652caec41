package ai.switchboard.gateway.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/** Finds files of the repository (tests run from the module directory) and reads YAML from them. */
final class RepositoryFiles {

    private RepositoryFiles() {
    }

    /** The repository root: the nearest ancestor of the working directory that holds the Maven wrapper. */
    static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("mvnw"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("No mvnw above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    static String read(String relative) {
        try {
            return Files.readString(root().resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> yaml(String text) {
        return (Map<String, Object>) new Yaml(new LoaderOptions()).load(text);
    }

    /** Every document of a multi-document YAML stream (a rendered chart), skipping empty ones. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> yamlDocuments(String text) {
        return ((List<Object>) (List<?>) toList(new Yaml(new LoaderOptions()).loadAll(text))).stream()
                .filter(doc -> doc instanceof Map).map(doc -> (Map<String, Object>) doc).toList();
    }

    private static List<Object> toList(Iterable<Object> documents) {
        java.util.ArrayList<Object> list = new java.util.ArrayList<>();
        documents.forEach(list::add);
        return list;
    }

    /** Follows a path of map keys and list indexes, e.g. {@code at(doc, "spec", "template", "spec")}. */
    @SuppressWarnings("unchecked")
    static <T> T at(Object node, Object... path) {
        Object current = node;
        for (Object step : path) {
            if (current instanceof Map<?, ?> map) {
                current = map.get(step);
            } else if (current instanceof List<?> list && step instanceof Integer index) {
                current = list.get(index);
            } else {
                throw new AssertionError("No " + step + " in " + current);
            }
        }
        return (T) current;
    }
}
