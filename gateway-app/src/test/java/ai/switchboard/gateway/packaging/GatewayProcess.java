package ai.switchboard.gateway.packaging;

import ai.switchboard.gateway.SwitchboardApplication;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A gateway started as an operating-system process of its own (the packaged jar, the container image's entrypoint):
 * its output goes to a log file, shown when it exits early or never becomes ready; {@link #close()} stops it with
 * SIGTERM, as an orchestrator would, and kills it only if it does not exit in time.
 */
public final class GatewayProcess implements AutoCloseable {

    private final Process process;
    private final ProcessHandle gateway;
    private final Path log;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private GatewayProcess(Process process, ProcessHandle gateway, Path log) {
        this.process = process;
        this.gateway = gateway;
        this.log = log;
    }

    /** Starts the command with its output (stdout and stderr) in {@code log}. */
    public static GatewayProcess start(ProcessBuilder builder, Path log) throws IOException {
        Process process = builder.redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new GatewayProcess(process, process.toHandle(), log);
    }

    /**
     * Starts a launcher that execs nothing itself but forks the gateway as its only child (for example
     * {@code unshare --fork}): the child is the process that is signalled on {@link #close()}.
     */
    public static GatewayProcess startThroughLauncher(ProcessBuilder builder, Path log) throws Exception {
        Process launcher = builder.redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            var child = launcher.children().findFirst();
            if (child.isPresent()) {
                return new GatewayProcess(launcher, child.get(), log);
            }
            if (!launcher.isAlive()) {
                throw new AssertionError("The launcher exited with " + launcher.exitValue() + ":\n" + tail(log));
            }
            Thread.sleep(50);
        }
        launcher.destroyForcibly();
        throw new AssertionError("The launcher started no child within 30 s:\n" + tail(log));
    }

    /**
     * The gateway's main class in a JVM of its own on this test run's class path (the application's classes and
     * dependencies, as the packaged jar carries them), with the given JVM options.
     */
    public static ProcessBuilder applicationMain(List<String> jvmOptions) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), SwitchboardApplication.class.getName()));
        return new ProcessBuilder(command);
    }

    /** The gateway's own process (not a launcher's). */
    public ProcessHandle handle() {
        return gateway;
    }

    /**
     * Polls {@code url} until it answers 200 and returns that answer's body, failing with the log's tail if the
     * process exits or time runs out.
     */
    public String awaitReady(String url, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("The gateway exited with " + process.exitValue() + ":\n" + tail(log));
            }
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return response.body();
                }
            } catch (IOException notListeningYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new AssertionError("The gateway did not become ready within " + timeout.toSeconds() + " s:\n"
                + tail(log));
    }

    public String tail() throws IOException {
        return tail(log);
    }

    /** Everything the gateway has written so far. */
    public String log() throws IOException {
        return Files.exists(log) ? Files.readString(log) : "";
    }

    /** Waits for a line of the log containing {@code text}, failing with the log's tail when none comes in time. */
    public void awaitLog(String text, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!log().contains(text)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("No \"" + text + "\" in the log within " + timeout.toSeconds() + " s:\n"
                        + tail(log));
            }
            Thread.sleep(50);
        }
    }

    /** Waits for the gateway to exit on its own; false if it is still running after {@code timeout}. */
    public boolean awaitExit(Duration timeout) throws Exception {
        try {
            gateway.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException stillRunning) {
            return false;
        }
    }

    /** SIGKILL, as the OOM killer or {@code kill -9} would: no shutdown hook runs. Waits for the exit. */
    public void kill() throws Exception {
        gateway.destroyForcibly();
        gateway.onExit().get(30, TimeUnit.SECONDS);
    }

    /** SIGTERM to the gateway, then waits for it (and a launcher) to exit; kills what is left after 60 s. */
    @Override
    public void close() throws Exception {
        gateway.destroy();
        try {
            gateway.onExit().get(60, TimeUnit.SECONDS);
        } catch (TimeoutException stuck) {
            gateway.destroyForcibly();
            gateway.onExit().get(10, TimeUnit.SECONDS);
        }
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String tail(Path log) throws IOException {
        String text = Files.exists(log) ? Files.readString(log) : "";
        return text.length() > 4000 ? text.substring(text.length() - 4000) : text;
    }
}
