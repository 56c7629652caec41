package ai.switchboard.gateway.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a start finds in the embedded database's directory after its gateway died, with real processes standing in
 * for the postmaster: a copy of {@code bash} named {@code postgres}, working in the data directory as a postmaster
 * does, that writes down the signal it is stopped with.
 */
class StalePostmasterTests {

    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    @TempDir
    Path temp;

    private Path dataDirectory;
    private final List<Process> processes = new ArrayList<>();

    @BeforeEach
    void dataDirectory() throws Exception {
        dataDirectory = Files.createDirectories(temp.resolve("data/postgres"));
    }

    @AfterEach
    void stopProcesses() throws Exception {
        for (Process process : processes) {
            // Its children first: a `touch` or `sleep` the fake started would outlive it and could write into the
            // temporary directory while JUnit deletes it.
            for (ProcessHandle child : process.descendants().toList()) {
                child.destroyForcibly();
                child.onExit().get(10, TimeUnit.SECONDS);
            }
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aCleanlyStoppedOrNewDirectoryIsLeftUntouched() throws Exception {
        clear();

        // initdb refuses a directory that is not empty: not even the owner lock may appear in a new one.
        assertThat(dataDirectory).isEmptyDirectory();
    }

    @Test
    void aLockFileOfAProcessThatIsGoneIsRemoved() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        writePidFile(gone.pid(), dataDirectory);

        clear();

        assertThat(pidFile()).doesNotExist();
    }

    @Test
    void anEmptyLockFileFromACrashedStartIsRemoved() throws Exception {
        Files.writeString(pidFile(), "");

        clear();

        assertThat(pidFile()).doesNotExist();
    }

    @Test
    void aLockFileWhoseProcessIdNowBelongsToAnotherProgramIsRemovedAndThatProgramLeftAlone() throws Exception {
        Process other = start(which("sleep"), dataDirectory);
        writePidFile(other.pid(), dataDirectory);

        clear();

        assertThat(pidFile()).doesNotExist();
        assertThat(other.isAlive()).isTrue();
    }

    @Test
    void aPostgresOfAnotherDataDirectoryIsLeftAloneAndTheLockFileRemoved() throws Exception {
        Path elsewhere = Files.createDirectories(temp.resolve("elsewhere"));
        Process foreign = start(fakePostgres(), elsewhere);
        writePidFile(foreign.pid(), dataDirectory);
        awaitTrapsSet();

        clear();

        assertThat(pidFile()).doesNotExist();
        assertThat(foreign.isAlive()).isTrue();
    }

    @Test
    void thePostgresStillServingThisDirectoryIsStoppedWithAFastShutdown() throws Exception {
        Process orphan = start(fakePostgres(), dataDirectory);
        writePidFile(orphan.pid(), dataDirectory);
        awaitTrapsSet();

        clear();

        assertThat(orphan.isAlive()).isFalse();
        assertThat(Files.readString(temp.resolve("signal")).strip()).as("SIGINT: PostgreSQL's fast shutdown")
                .isEqualTo("INT");
    }

    @Test
    void aDirectoryAnotherGatewayHoldsIsRefusedAndNothingIsTouched() throws Exception {
        Process running = start(fakePostgres(), dataDirectory);
        writePidFile(running.pid(), dataDirectory);
        try (FileChannel channel = FileChannel.open(dataDirectory.resolve(StalePostmaster.OWNER_LOCK),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE); FileLock held = channel.lock()) {

            assertThatThrownBy(this::clear).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("Another gateway is running on the embedded database in " + dataDirectory);
        }
        assertThat(pidFile()).exists();
        assertThat(running.isAlive()).isTrue();
    }

    private void clear() throws Exception {
        new StalePostmaster(dataDirectory, STOP_TIMEOUT).clear();
    }

    private Path pidFile() {
        return dataDirectory.resolve(PostmasterPidFile.NAME);
    }

    /** The first lines of a real postmaster.pid: pid, data directory, start time, port. */
    private void writePidFile(long pid, Path directory) throws Exception {
        Files.writeString(pidFile(), pid + "\n" + directory + "\n1764680000\n54321\n/tmp\nlocalhost\n");
    }

    private Process start(Path program, Path workingDirectory) throws Exception {
        String signal = temp.resolve("signal").toString();
        List<String> command = program.getFileName().toString().equals("postgres")
                ? List.of(program.toString(), "-c", "trap 'echo INT > " + signal + "; exit 0' INT;"
                        + " trap 'echo TERM > " + signal + "; exit 0' TERM; touch '" + temp.resolve("ready") + "';"
                        + " while true; do sleep 0.05; done")
                : List.of(program.toString(), "300");
        Process process = new ProcessBuilder(command).directory(workingDirectory.toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        processes.add(process);
        return process;
    }

    /** {@code bash} copied as {@code bin/postgres}: a program of PostgreSQL's name that can say how it was stopped. */
    private Path fakePostgres() throws Exception {
        Path postgres = Files.createDirectories(temp.resolve("bin")).resolve("postgres");
        if (!Files.exists(postgres)) {
            Files.copy(which("bash"), postgres);
            assertThat(postgres.toFile().setExecutable(true)).isTrue();
        }
        return postgres;
    }

    private void awaitTrapsSet() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!Files.exists(temp.resolve("ready"))) {
            assertThat(System.nanoTime()).as("the fake postgres set its traps").isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    private static Path which(String program) {
        for (String directory : System.getenv("PATH").split(File.pathSeparator)) {
            Path candidate = Path.of(directory, program);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException(program + " is not on the PATH");
    }
}
