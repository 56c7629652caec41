package ai.switchboard.gateway.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The {@code postmaster.pid} lock file PostgreSQL keeps in its data directory while it runs: the postmaster's process
 * id on the first line, its data directory on the second, its port on the fourth. A server stopped cleanly removes
 * it; one whose owner was killed leaves it behind, naming either a live orphaned server or a dead process.
 *
 * @param file the lock file
 * @param pid the postmaster's process id, or -1 when the file is empty or cut short (a start that crashed)
 * @param dataDirectory the data directory the postmaster wrote, or {@code null} when missing
 */
record PostmasterPidFile(Path file, long pid, Path dataDirectory) {

    static final String NAME = "postmaster.pid";

    /** The lock file of {@code dataDirectory}, if there is one. */
    static Optional<PostmasterPidFile> in(Path dataDirectory) throws IOException {
        Path file = dataDirectory.resolve(NAME);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(file);
        long pid = -1;
        if (!lines.isEmpty()) {
            try {
                pid = Long.parseLong(lines.get(0).strip());
            } catch (NumberFormatException garbled) {
                pid = -1;
            }
        }
        Path directory = lines.size() > 1 && !lines.get(1).isBlank() ? Path.of(lines.get(1).strip()) : null;
        return Optional.of(new PostmasterPidFile(file, pid, directory));
    }
}
