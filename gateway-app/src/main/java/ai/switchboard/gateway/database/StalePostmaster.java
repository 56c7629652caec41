package ai.switchboard.gateway.database;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the embedded database's data directory startable again after its gateway died without stopping it. PostgreSQL
 * runs as a daemon of its own, so a gateway killed with SIGKILL (or by the OOM killer) leaves it running, and the next
 * start would fail on its {@code postmaster.pid}. Before the embedded server starts, this:
 * <ul>
 * <li>takes the data directory's owner lock, which a live gateway holds for as long as its server runs: if it is
 *     held, another gateway is using the directory and nothing is touched;</li>
 * <li>stops a postmaster that is still serving this directory with SIGINT, PostgreSQL's fast shutdown (what
 *     {@code pg_ctl stop -m fast} sends; pg_ctl itself refuses to run as root, as containers often do), or SIGTERM
 *     if that cannot be sent: a clean shutdown with a checkpoint, so every row it committed is kept;</li>
 * <li>removes a lock file that names a process which is gone, or which is now some other program;</li>
 * <li>refuses to start, saying why, when the process it names cannot be identified or does not stop.</li>
 * </ul>
 */
final class StalePostmaster {

    /**
     * The lock file the embedded server's owner holds ({@code io.zonky.test.db.postgres.embedded.EmbeddedPostgres}
     * locks it from before the server starts until after it stopped).
     */
    static final String OWNER_LOCK = "epg-lock";

    private static final Logger log = LoggerFactory.getLogger(StalePostmaster.class);

    private final Path dataDirectory;
    private final Duration stopTimeout;

    StalePostmaster(Path dataDirectory, Duration stopTimeout) {
        this.dataDirectory = dataDirectory.toAbsolutePath().normalize();
        this.stopTimeout = stopTimeout;
    }

    /** Clears what a dead gateway left in the data directory; does nothing when it was shut down cleanly. */
    void clear() throws IOException {
        if (!Files.exists(dataDirectory.resolve(PostmasterPidFile.NAME))) {
            return; // stopped cleanly, or never initialised (initdb wants the directory empty: create nothing here)
        }
        try (FileChannel channel = FileChannel.open(dataDirectory.resolve(OWNER_LOCK), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock lock = tryLock(channel)) {
            if (lock == null) {
                throw new IllegalStateException("Another gateway is running on the embedded database in "
                        + dataDirectory + "; give each gateway its own SWITCHBOARD_DATA_DIR");
            }
            Optional<PostmasterPidFile> pidFile = PostmasterPidFile.in(dataDirectory);
            if (pidFile.isPresent()) {
                clear(pidFile.get());
            }
        }
    }

    private void clear(PostmasterPidFile pidFile) throws IOException {
        Optional<ProcessHandle> process = pidFile.pid() > 0
                ? ProcessHandle.of(pidFile.pid()).filter(ProcessHandle::isAlive)
                : Optional.empty();
        if (process.isEmpty()) {
            Files.deleteIfExists(pidFile.file());
            if (pidFile.pid() > 0) {
                log.warn("Removed the stale lock file {} of a PostgreSQL that is no longer running (process {})",
                        pidFile.file(), pidFile.pid());
            } else {
                log.warn("Removed the unreadable lock file {}, left by a start that did not finish", pidFile.file());
            }
            return;
        }
        ProcessHandle postmaster = process.get();
        switch (identify(postmaster)) {
            case SERVES_THIS_DIRECTORY -> stop(postmaster);
            case OTHER_PROGRAM -> {
                Files.deleteIfExists(pidFile.file());
                log.warn("Removed the stale lock file {}: its process id {} now belongs to {}", pidFile.file(),
                        pidFile.pid(), postmaster.info().command().orElse("another program"));
            }
            case UNKNOWN -> throw new IllegalStateException("The embedded database in " + dataDirectory
                    + " is locked by process " + pidFile.pid() + ", which is running but could not be identified"
                    + " as its PostgreSQL; stop that process, or delete " + pidFile.file() + " if it is not one");
        }
    }

    private enum Identity { SERVES_THIS_DIRECTORY, OTHER_PROGRAM, UNKNOWN }

    private Identity identify(ProcessHandle process) {
        Optional<String> command = process.info().command();
        if (command.isEmpty()) {
            return Identity.UNKNOWN;
        }
        String program = Path.of(command.get()).getFileName().toString();
        if (!program.equals("postgres") && !program.equals("postgres.exe")) {
            return Identity.OTHER_PROGRAM;
        }
        // A postmaster works in its data directory; Linux shows that as the process's cwd.
        Optional<Path> workingDirectory = workingDirectory(process);
        if (workingDirectory.isPresent()) {
            return sameDirectory(workingDirectory.get()) ? Identity.SERVES_THIS_DIRECTORY : Identity.OTHER_PROGRAM;
        }
        List<String> arguments = Arrays.asList(process.info().arguments().orElse(new String[0]));
        return arguments.contains(dataDirectory.toString()) ? Identity.SERVES_THIS_DIRECTORY : Identity.UNKNOWN;
    }

    private void stop(ProcessHandle postmaster) {
        log.warn("PostgreSQL (process {}) is still running in {}, left behind by a gateway that did not shut down;"
                + " stopping it before starting again", postmaster.pid(), dataDirectory);
        if (!sendSigint(postmaster.pid())) {
            postmaster.destroy(); // SIGTERM, a smart shutdown: its clients died with the old gateway
        }
        try {
            postmaster.onExit().get(stopTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            throw new IllegalStateException("PostgreSQL (process " + postmaster.pid() + ") left running in "
                    + dataDirectory + " did not stop within " + stopTimeout.toSeconds() + " s; stop it and start again",
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while stopping the PostgreSQL left running in "
                    + dataDirectory, e);
        }
        log.info("Stopped the PostgreSQL left running in {}", dataDirectory);
    }

    /** The JDK sends only SIGTERM and SIGKILL; {@code kill} sends the rest. */
    private static boolean sendSigint(long pid) {
        try {
            Process kill = new ProcessBuilder("kill", "-INT", Long.toString(pid)).redirectErrorStream(true).start();
            String output = new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (kill.waitFor() == 0) {
                return true;
            }
            log.warn("kill -INT {} failed: {}", pid, output);
        } catch (IOException e) {
            log.warn("Could not run kill -INT {}: {}", pid, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    private boolean sameDirectory(Path path) {
        try {
            return Files.isSameFile(path, dataDirectory);
        } catch (IOException e) {
            return false;
        }
    }

    private static Optional<Path> workingDirectory(ProcessHandle process) {
        Path link = Path.of("/proc", Long.toString(process.pid()), "cwd");
        try {
            return Optional.of(Files.readSymbolicLink(link));
        } catch (IOException | UnsupportedOperationException | SecurityException notReadable) {
            return Optional.empty();
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException heldInThisJvm) {
            return null;
        }
    }
}
