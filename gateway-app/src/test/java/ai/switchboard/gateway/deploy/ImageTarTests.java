package ai.switchboard.gateway.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.switchboard.gateway.deploy.ImageTar.Node;
import ai.switchboard.gateway.deploy.ImageTar.Type;
import com.sun.security.auth.module.UnixSystem;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The image reader ContainerImageIT relies on, on small hand-made images: layers apply in the manifest's order,
 * whiteouts and opaque directories hide what lower layers added, links resolve as in the container, and unpacking
 * never writes through a symbolic link.
 */
class ImageTarTests {

    @TempDir
    Path dir;

    @Test
    void laterLayersReplaceAndWhiteOutWhatEarlierLayersAdded() throws IOException {
        Path tar = image(
                layer(true, directory("etc/"), file("etc/keep", "k"), file("etc/gone", "g"), directory("opt/"),
                        file("opt/old", "o"), directory("opt/sub/"), file("opt/sub/deep", "d"),
                        symlink("usr/bin/java", "/usr/lib/jvm/jdk/bin/java"), directory("usr/lib/jvm/jdk/bin/"),
                        file("usr/lib/jvm/jdk/bin/java", "elf", 0755), symlink("bin", "usr/bin")),
                layer(false, file("etc/.wh.gone", ""), file("opt/.wh..wh..opq", ""), file("opt/new", "n"),
                        file("etc/keep", "k2")));

        try (ImageTar image = new ImageTar(tar)) {
            NavigableMap<String, Node> files = image.files(Set.of("etc/keep"));

            assertThat(files).containsKeys("etc/keep", "opt", "opt/new").doesNotContainKeys("etc/gone", "opt/old",
                    "opt/sub", "opt/sub/deep", "etc/.wh.gone", "opt/.wh..wh..opq");
            assertThat(new String(files.get("etc/keep").content(), StandardCharsets.UTF_8)).isEqualTo("k2");
            assertThat(ImageTar.resolve(files, "/bin/java")).isEqualTo("usr/lib/jvm/jdk/bin/java");
            assertThat(files.get("usr/lib/jvm/jdk/bin/java").executable()).isTrue();
            assertThat(ImageTar.resolve(files, "/usr/bin/missing")).isNull();
        }
    }

    @Test
    void unpacksOwnersModesLinksAndWhiteouts() throws IOException {
        assumeTrue(new UnixSystem().getUid() == 0, "Unpacking sets file owners, which needs root; not root");
        Path tar = image(
                layer(true, directory("tmp/", 01777), file("etc/gone", "g"), file("etc/keep", "k", 0640, 7, 8),
                        symlink("bin", "usr/bin"), directory("usr/bin/"), file("usr/bin/tool", "t", 0755),
                        hardlink("usr/bin/tool2", "usr/bin/tool")),
                layer(false, file("etc/.wh.gone", "")));
        Path root = dir.resolve("root");

        try (ImageTar image = new ImageTar(tar)) {
            image.unpack(root);
        }

        assertThat(root.resolve("etc/gone")).doesNotExist();
        assertThat(root.resolve("etc/.wh.gone")).doesNotExist();
        assertThat(Files.getAttribute(root.resolve("tmp"), "unix:mode")).isEqualTo(041777);
        assertThat(Files.getAttribute(root.resolve("etc/keep"), "unix:mode")).isEqualTo(0100640);
        assertThat(Files.getAttribute(root.resolve("etc/keep"), "unix:uid")).isEqualTo(7);
        assertThat(Files.getAttribute(root.resolve("etc/keep"), "unix:gid")).isEqualTo(8);
        assertThat(Files.readSymbolicLink(root.resolve("bin"))).isEqualTo(Path.of("usr/bin"));
        assertThat(Files.isSameFile(root.resolve("usr/bin/tool"), root.resolve("usr/bin/tool2"))).isTrue();
        assertThat(Files.isExecutable(root.resolve("usr/bin/tool"))).isTrue();
    }

    @Test
    void refusesToWriteThroughASymbolicLink() throws IOException {
        Path outside = Files.createDirectory(dir.resolve("outside"));
        Path tar = image(layer(true, symlink("escape", outside.toString())),
                layer(true, file("escape/planted", "x")));

        try (ImageTar image = new ImageTar(tar)) {
            assertThatThrownBy(() -> image.unpack(dir.resolve("root"))).hasMessageContaining("symbolic link");
        }
        assertThat(outside.resolve("planted")).doesNotExist();
        assertThat(Files.exists(dir.resolve("root/escape"), LinkOption.NOFOLLOW_LINKS)).isTrue();
    }

    private record Entry(TarArchiveEntry header, byte[] content) {
    }

    private record Layer(boolean gzipped, List<Entry> entries) {
    }

    private static Entry directory(String name) {
        return directory(name, 0755);
    }

    private static Entry directory(String name, int mode) {
        TarArchiveEntry header = new TarArchiveEntry(name);
        header.setMode(040000 | mode);
        return new Entry(header, new byte[0]);
    }

    private static Entry file(String name, String content) {
        return file(name, content, 0644);
    }

    private static Entry file(String name, String content, int mode) {
        return file(name, content, mode, 0, 0);
    }

    private static Entry file(String name, String content, int mode, int uid, int gid) {
        TarArchiveEntry header = new TarArchiveEntry(name);
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        header.setMode(0100000 | mode);
        header.setSize(bytes.length);
        header.setUserId(uid);
        header.setGroupId(gid);
        return new Entry(header, bytes);
    }

    private static Entry symlink(String name, String target) {
        TarArchiveEntry header = new TarArchiveEntry(name, TarConstants.LF_SYMLINK);
        header.setLinkName(target);
        return new Entry(header, new byte[0]);
    }

    private static Entry hardlink(String name, String target) {
        TarArchiveEntry header = new TarArchiveEntry(name, TarConstants.LF_LINK);
        header.setLinkName(target);
        return new Entry(header, new byte[0]);
    }

    private static Layer layer(boolean gzipped, Entry... entries) {
        return new Layer(gzipped, List.of(entries));
    }

    /** A {@code docker save}-layout tar: the layers, a config naming as many diff ids, the manifest. */
    private Path image(Layer... layers) throws IOException {
        Path tar = dir.resolve("image.tar");
        List<String> names = new ArrayList<>();
        List<String> diffIds = new ArrayList<>();
        try (TarArchiveOutputStream out = new TarArchiveOutputStream(Files.newOutputStream(tar))) {
            for (int i = 0; i < layers.length; i++) {
                ByteArrayOutputStream layer = new ByteArrayOutputStream();
                try (OutputStream raw = layers[i].gzipped() ? new GZIPOutputStream(layer) : layer;
                        TarArchiveOutputStream entries = new TarArchiveOutputStream(raw)) {
                    entries.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
                    for (Entry entry : layers[i].entries()) {
                        entries.putArchiveEntry(entry.header());
                        entries.write(entry.content());
                        entries.closeArchiveEntry();
                    }
                }
                String name = "layer" + i + (layers[i].gzipped() ? ".tar.gz" : ".tar");
                names.add("\"" + name + "\"");
                diffIds.add("\"sha256:" + "0".repeat(63) + i + "\"");
                add(out, name, layer.toByteArray());
            }
            add(out, "config.json", ("{\"config\":{\"Env\":[\"PATH=/bin\"]},\"rootfs\":{\"type\":\"layers\","
                    + "\"diff_ids\":[" + String.join(",", diffIds) + "]}}").getBytes(StandardCharsets.UTF_8));
            add(out, "manifest.json", ("[{\"Config\":\"config.json\",\"RepoTags\":[\"t:1\"],\"Layers\":["
                    + String.join(",", names) + "]}]").getBytes(StandardCharsets.UTF_8));
        }
        return tar;
    }

    private static void add(TarArchiveOutputStream out, String name, byte[] content) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setSize(content.length);
        out.putArchiveEntry(entry);
        out.write(content);
        out.closeArchiveEntry();
    }
}
