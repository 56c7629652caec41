package ai.switchboard.gateway.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.switchboard.gateway.deploy.ImageTar.Node;
import ai.switchboard.gateway.deploy.ImageTar.Type;
import ai.switchboard.gateway.it.GatewayIT;
import ai.switchboard.gateway.packaging.GatewayProcess;
import ai.switchboard.registry.testsupport.TestDatabase;
import com.sun.security.auth.module.UnixSystem;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * Reads the image tar the {@code image} profile builds with Jib ({@code ./mvnw verify -Pimage}, or CI's
 * {@code ./mvnw -B verify} with {@code SWITCHBOARD_IMAGE_BASE} set) and checks what a container runtime will use:
 * the configuration (non-root user, entrypoint with container-sized JVM flags, port), the layers (the entrypoint's
 * {@code java} is the base image's Java 21; the application's classes and jars are where its class path says) and,
 * as root, that the image's file system runs the entrypoint as the image's user until the gateway is ready.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContainerImageIT {

    private static final String MAIN_CLASS = "ai.switchboard.gateway.SwitchboardApplication";
    private static final String CLASSPATH_FILE = "app/jib-classpath-file";
    private static final String MAIN_CLASS_FILE = "app/jib-main-class-file";
    /** The reactor's library modules: each must reach the image as a jar of its own. */
    private static final List<String> MODULES = List.of("registry", "providers", "routing", "tools", "observability");

    private ImageTar image;
    private JsonNode config;
    private Map<String, String> env;
    private List<String> entrypoint;
    private NavigableMap<String, Node> files;

    @BeforeAll
    void readImage() throws IOException {
        Path tar = Path.of(System.getProperty("switchboard.image.tar", "target/switchboard-image.tar"));
        assertThat(tar).as("built by the image profile").exists();
        image = new ImageTar(tar);
        config = image.config().get("config");
        env = image.env();
        entrypoint = new ArrayList<>();
        config.get("Entrypoint").forEach(argument -> entrypoint.add(argument.asString()));
        files = image.files(Set.of(relative(env.getOrDefault("JAVA_HOME", "/")) + "/release", CLASSPATH_FILE,
                MAIN_CLASS_FILE));
    }

    @AfterAll
    void closeImage() throws IOException {
        if (image != null) {
            image.close();
        }
    }

    @Test
    void imageRunsTheGatewayAsNonRootWithContainerSizedJvmFlags() {
        assertThat(image.manifest().get("RepoTags").get(0).asString()).startsWith("switchboard:");
        assertThat(config.get("User").asString()).isEqualTo("65532:65532");
        assertThat(config.get("ExposedPorts").propertyNames()).containsExactly("8080/tcp");
        assertThat(entrypoint).startsWith("java").contains("-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError")
                .endsWith(MAIN_CLASS);
        assertThat(env).containsEntry("SWITCHBOARD_DATA_DIR", "/tmp/switchboard");
        // The application's own classes are in the image, in a layer of their own.
        assertThat(image.layerNames()).hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void theEntrypointsJavaIsTheBaseImagesJava21() {
        String javaHome = env.get("JAVA_HOME");
        assertThat(javaHome).as("JAVA_HOME in the image's Env").isNotBlank();
        String java = ImageTar.resolve(files, javaHome + "/bin/java");
        assertThat(java).as("%s/bin/java in the image", javaHome).isNotNull();
        assertThat(files.get(java)).as(java).isNotNull();
        assertThat(files.get(java).executable()).as(java + " is an executable file").isTrue();
        // What a runtime starts: the entrypoint's first word looked up on the image's PATH, links followed.
        assertThat(onPath(entrypoint.getFirst(), env.get("PATH"))).as("%s on PATH=%s", entrypoint.getFirst(),
                env.get("PATH")).isEqualTo(java);

        Node release = files.get(relative(javaHome) + "/release");
        assertThat(release).as("%s/release", javaHome).isNotNull();
        assertThat(new String(release.content(), StandardCharsets.UTF_8)).containsPattern("(?m)^JAVA_VERSION=\"21[.\"]");
    }

    @Test
    void theApplicationsClassesAndJarsAreWhereItsClassPathSays() {
        assertThat(text(MAIN_CLASS_FILE).strip()).isEqualTo(MAIN_CLASS);
        assertThat(type("app/classes/" + MAIN_CLASS.replace('.', '/') + ".class")).isEqualTo(Type.FILE);
        // The entrypoint's argument files (-cp @/app/jib-classpath-file) are in the image.
        entrypoint.stream().filter(argument -> argument.startsWith("@"))
                .forEach(file -> assertThat(type(file.substring(1))).as(file).isEqualTo(Type.FILE));

        List<String> classPath = Arrays.asList(text(CLASSPATH_FILE).strip().split(":"));
        assertThat(classPath).contains("/app/classes");
        Set<String> jarsOnClassPath = new TreeSet<>();
        for (String element : classPath) {
            assertThat(type(element)).as("class path element %s", element).isNotNull();
            if (element.startsWith("/app/libs/")) {
                assertThat(element).endsWith(".jar");
                assertThat(type(element)).as("%s is a jar file", element).isEqualTo(Type.FILE);
                jarsOnClassPath.add(element.substring("/app/libs/".length()));
            }
        }
        Set<String> jarsInImage = new TreeSet<>();
        files.subMap("app/libs/", "app/libs/" + Character.MAX_VALUE).keySet().stream()
                .map(path -> path.substring("app/libs/".length()))
                .filter(name -> !name.contains("/"))
                .forEach(jarsInImage::add);
        assertThat(jarsOnClassPath).isEqualTo(jarsInImage);
        assertThat(jarsInImage).anyMatch(jar -> jar.startsWith("spring-boot-4"));
        for (String module : MODULES) {
            assertThat(jarsInImage).as("the %s module's jar", module)
                    .anyMatch(jar -> jar.startsWith("switchboard-" + module + "-") && jar.endsWith(".jar"));
        }
    }

    /**
     * Unpacks the layers into a directory and runs the image's entrypoint there under {@code chroot}, as the image's
     * user, with the image's Env, in its own mount and PID namespaces ({@code /proc} and {@code /dev} mounted only
     * inside them, so they vanish with it), against the tests' database. Needs root; skipped, and says why, without.
     */
    @Test
    void theImageRunsItsEntrypointAsItsUserUntilTheGatewayIsReady() throws Exception {
        assumeTrue(new UnixSystem().getUid() == 0,
                "Running the image needs root (chroot, mounts, owners); this JVM is not root, so it is not run");
        Path unshare = tool("unshare");
        Path chroot = tool("chroot");
        Path mount = tool("mount");
        assumeTrue(unshare != null && chroot != null && mount != null,
                "Running the image needs unshare, chroot and mount (util-linux, coreutils); one is missing");
        String probe = run(List.of(unshare.toString(), "--mount", "--pid", "--fork", "--", chroot.toString(), "/",
                "true"));
        assumeTrue(probe == null, "unshare/chroot are not permitted here: " + probe);

        Path work = Files.createTempDirectory("switchboard-image-run");
        Path rootfs = work.resolve("rootfs");
        try {
            image.unpack(rootfs);
            String user = config.get("User").asString();
            int port = GatewayProcess.freePort();
            List<String> command = new ArrayList<>(List.of(unshare.toString(), "--mount", "--pid", "--fork", "--",
                    "/bin/sh", "-euc", """
                            mount=$1 chroot=$2 root=$3 user=$4; shift 4
                            "$mount" -t proc proc "$root/proc"
                            "$mount" --rbind /dev "$root/dev"
                            exec "$chroot" --userspec="$user" "$root" "$@"
                            """, "sh", mount.toString(), chroot.toString(), rootfs.toString(), user));
            // No WorkingDir in the config, so "/" (where chroot starts the command) is the runtime's default too.
            assertThat(config.has("WorkingDir") && !config.get("WorkingDir").asString().isEmpty()).isFalse();
            command.addAll(entrypoint);
            ProcessBuilder builder = new ProcessBuilder(command);
            builder.environment().clear();
            builder.environment().putAll(env);
            builder.environment().put("SWITCHBOARD_PORT", Integer.toString(port));
            builder.environment().put("SWITCHBOARD_DATABASE_URL", TestDatabase.jdbcUrl());
            builder.environment().put("SWITCHBOARD_DATABASE_USERNAME", TestDatabase.username());
            builder.environment().put("SWITCHBOARD_DATABASE_PASSWORD", TestDatabase.password());
            // The keys every test on the shared database uses (another admin key would revoke theirs).
            builder.environment().put("SWITCHBOARD_ADMIN_KEY", TestDatabase.BOOTSTRAP_ADMIN_KEY);
            builder.environment().put("SWITCHBOARD_MASTER_KEY", GatewayIT.MASTER_KEY);
            // Stands in for a container's memory limit: with none, MaxRAMPercentage=75 would size the heap from
            // the whole machine. Explicit -Xmx/-Xms win over the entrypoint's percentages.
            builder.environment().put("JDK_JAVA_OPTIONS", "-Xmx384m -Xms64m");

            try (GatewayProcess gateway = GatewayProcess.startThroughLauncher(builder, work.resolve("gateway.log"))) {
                String readiness = gateway.awaitReady("http://127.0.0.1:" + port + "/actuator/health/readiness",
                        Duration.ofSeconds(180));
                assertThat(readiness).contains("\"status\":\"UP\"");

                // The gateway's process: the image's java, inside the unpacked root, as the image's user.
                Path proc = Path.of("/proc", Long.toString(gateway.handle().pid()));
                assertThat(Files.readSymbolicLink(proc.resolve("root"))).isEqualTo(rootfs);
                assertThat(Files.readSymbolicLink(proc.resolve("exe")))
                        .isEqualTo(rootfs.resolve(ImageTar.resolve(files, env.get("JAVA_HOME") + "/bin/java")));
                String[] ids = user.split(":");
                assertThat(ids(proc, "Uid:")).as(gateway.tail()).containsOnly(ids[0]);
                assertThat(ids(proc, "Gid:")).containsOnly(ids[1]);
            }
        } finally {
            removeUnmounted(work);
        }
    }

    private String onPath(String command, String path) {
        for (String dir : path.split(":")) {
            String found = ImageTar.resolve(files, dir + "/" + command);
            if (found != null && files.containsKey(found) && files.get(found).executable()) {
                return found;
            }
        }
        return null;
    }

    private Type type(String path) {
        String resolved = ImageTar.resolve(files, path);
        if (resolved == null) {
            return null;
        }
        // Resolvable but not listed: a directory only implied by the paths below it.
        return files.containsKey(resolved) ? files.get(resolved).type() : Type.DIRECTORY;
    }

    private String text(String path) {
        Node node = files.get(path);
        assertThat(node).as(path).isNotNull();
        return new String(node.content(), StandardCharsets.UTF_8);
    }

    private static String relative(String absolute) {
        return absolute.replaceFirst("^/+", "").replaceFirst("/+$", "");
    }

    private static List<String> ids(Path proc, String field) throws IOException {
        String line = Files.readAllLines(proc.resolve("status")).stream().filter(l -> l.startsWith(field))
                .findFirst().orElseThrow();
        return Arrays.asList(line.substring(field.length()).strip().split("\\s+"));
    }

    private static Path tool(String name) {
        return Stream.concat(Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)),
                        Stream.of("/usr/sbin", "/usr/bin", "/sbin", "/bin"))
                .filter(dir -> !dir.isEmpty())
                .map(dir -> Path.of(dir, name))
                .filter(Files::isExecutable)
                .findFirst().orElse(null);
    }

    /** Runs a short command; null when it exits 0 within 30 s, else what went wrong. */
    private static String run(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            return String.join(" ", command) + " did not finish within 30 s";
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return process.exitValue() == 0 ? null
                : String.join(" ", command) + " exited with " + process.exitValue() + ": " + output.strip();
    }

    /**
     * Deletes the work directory, but only when nothing is mounted under it in this mount namespace (the run's
     * mounts live in its own namespace and are gone with it): deleting through a bind mount of /dev would reach
     * the host's devices.
     */
    private static void removeUnmounted(Path work) throws IOException {
        String prefix = work.toString() + "/";
        List<String> mounted = Files.readAllLines(Path.of("/proc/self/mountinfo")).stream()
                .map(line -> line.split(" ")[4])
                .filter(mountPoint -> mountPoint.startsWith(prefix))
                .toList();
        if (!mounted.isEmpty()) {
            throw new IllegalStateException("Still mounted, so " + work + " is left in place: " + mounted);
        }
        ImageTar.deleteTree(work);
    }
}
