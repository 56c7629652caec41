package ai.switchboard.gateway.deploy;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarFile;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An image tar in the {@code docker save} layout Jib's {@code buildTar} writes: {@code manifest.json}, the config
 * and one tar (gzipped or not) per layer. Reads the layers in the manifest's order as a container runtime applies
 * them, whiteouts included, either into a listing ({@link #files()}) or onto disk ({@link #unpack(Path)}).
 */
final class ImageTar implements Closeable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String WHITEOUT = ".wh.";
    private static final String OPAQUE = ".wh..wh..opq";

    enum Type { FILE, DIRECTORY, SYMLINK }

    /** One path of the image's file system; {@code content} only for the paths asked for. */
    record Node(Type type, int mode, String linkTarget, byte[] content) {

        boolean executable() {
            return type == Type.FILE && (mode & 0111) != 0;
        }
    }

    private final TarFile tar;
    private final JsonNode manifest;
    private final JsonNode config;

    ImageTar(Path path) throws IOException {
        this.tar = new TarFile(path);
        this.manifest = JSON.readTree(read("manifest.json")).get(0);
        this.config = JSON.readTree(read(manifest.get("Config").asString()));
    }

    JsonNode manifest() {
        return manifest;
    }

    /** The whole config document; the runtime settings are under {@code config}. */
    JsonNode config() {
        return config;
    }

    /** The config's {@code Env} as a map. */
    Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        for (JsonNode entry : config.get("config").get("Env")) {
            String text = entry.asString();
            int equals = text.indexOf('=');
            env.put(text.substring(0, equals), text.substring(equals + 1));
        }
        return env;
    }

    List<String> layerNames() {
        List<String> names = new ArrayList<>();
        manifest.get("Layers").forEach(layer -> names.add(layer.asString()));
        return names;
    }

    /**
     * The file system the layers add up to, keyed by path without leading slash; the content of a regular file is
     * kept when its path is in {@code keepContent}. Hard links are listed as regular files.
     */
    NavigableMap<String, Node> files(Set<String> keepContent) throws IOException {
        NavigableMap<String, Node> files = new TreeMap<>();
        for (String layer : layerNames()) {
            Set<String> addedHere = new HashSet<>();
            try (TarArchiveInputStream entries = layer(layer)) {
                TarArchiveEntry entry;
                while ((entry = entries.getNextEntry()) != null) {
                    String path = normalize(entry.getName());
                    if (path.isEmpty()) {
                        continue;
                    }
                    String name = path.substring(path.lastIndexOf('/') + 1);
                    String parent = path.contains("/") ? path.substring(0, path.lastIndexOf('/')) : "";
                    if (name.equals(OPAQUE)) {
                        removeChildren(files, parent, addedHere);
                        continue;
                    }
                    if (name.startsWith(WHITEOUT)) {
                        String hidden = join(parent, name.substring(WHITEOUT.length()));
                        if (!addedHere.contains(hidden)) {
                            files.remove(hidden);
                            removeChildren(files, hidden, addedHere);
                        }
                        continue;
                    }
                    Node node;
                    if (entry.isDirectory()) {
                        node = new Node(Type.DIRECTORY, entry.getMode(), null, null);
                    } else if (entry.isSymbolicLink()) {
                        node = new Node(Type.SYMLINK, entry.getMode(), entry.getLinkName(), null);
                    } else if (entry.isLink()) {
                        Node target = files.get(normalize(entry.getLinkName()));
                        node = target == null ? new Node(Type.FILE, entry.getMode(), null, null) : target;
                    } else if (entry.isFile()) {
                        node = new Node(Type.FILE, entry.getMode(), null,
                                keepContent.contains(path) ? entries.readAllBytes() : null);
                    } else {
                        continue;
                    }
                    Node previous = files.put(path, node);
                    if (previous != null && previous.type() == Type.DIRECTORY && node.type() != Type.DIRECTORY) {
                        removeChildren(files, path, Set.of());
                    }
                    addedHere.add(path);
                }
            }
        }
        return files;
    }

    /**
     * Writes the layers onto {@code root} as a runtime would: modes (set-id and sticky bits included) and numeric
     * owners, symbolic and hard links, whiteouts. Device nodes are skipped (the runtime provides {@code /dev}).
     * Must run as root to set owners. Refuses any entry whose path goes through a symbolic link, so a link in the
     * image can never send a write outside {@code root}.
     */
    void unpack(Path root) throws IOException {
        for (String layer : layerNames()) {
            Set<String> addedHere = new HashSet<>();
            try (TarArchiveInputStream entries = layer(layer)) {
                TarArchiveEntry entry;
                while ((entry = entries.getNextEntry()) != null) {
                    String path = normalize(entry.getName());
                    if (path.isEmpty()) {
                        continue;
                    }
                    Path target = root.resolve(path);
                    checkNoLinkBetween(root, target.getParent());
                    String name = target.getFileName().toString();
                    if (name.equals(OPAQUE)) {
                        if (!Files.isDirectory(target.getParent(), LinkOption.NOFOLLOW_LINKS)) {
                            continue;
                        }
                        try (var children = Files.list(target.getParent())) {
                            for (Path child : children.toList()) {
                                if (!addedHere.contains(root.relativize(child).toString())) {
                                    deleteTree(child);
                                }
                            }
                        }
                        continue;
                    }
                    if (name.startsWith(WHITEOUT)) {
                        Path hidden = target.resolveSibling(name.substring(WHITEOUT.length()));
                        if (!addedHere.contains(root.relativize(hidden).toString())) {
                            deleteTree(hidden);
                        }
                        continue;
                    }
                    Files.createDirectories(target.getParent());
                    boolean exists = Files.exists(target, LinkOption.NOFOLLOW_LINKS);
                    if (entry.isDirectory()) {
                        if (exists && !Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
                            Files.delete(target);
                        }
                        Files.createDirectories(target);
                    } else {
                        if (exists) {
                            deleteTree(target);
                        }
                        if (entry.isSymbolicLink()) {
                            Files.createSymbolicLink(target, Path.of(entry.getLinkName()));
                            addedHere.add(path);
                            continue;
                        } else if (entry.isLink()) {
                            Path linked = root.resolve(normalize(entry.getLinkName()));
                            checkNoLinkBetween(root, linked.getParent());
                            Files.createLink(target, linked);
                            addedHere.add(path);
                            continue;
                        } else if (entry.isFile()) {
                            Files.copy(entries, target);
                        } else {
                            continue;
                        }
                    }
                    // Owner first: chown clears the set-id bits the mode then puts back.
                    Files.setAttribute(target, "unix:uid", (int) entry.getLongUserId(), LinkOption.NOFOLLOW_LINKS);
                    Files.setAttribute(target, "unix:gid", (int) entry.getLongGroupId(), LinkOption.NOFOLLOW_LINKS);
                    Files.setAttribute(target, "unix:mode", entry.getMode() & 07777, LinkOption.NOFOLLOW_LINKS);
                    addedHere.add(path);
                }
            }
        }
    }

    /** Deletes a tree without following symbolic links (a link is removed, never what it points to). */
    static void deleteTree(Path path) throws IOException {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(path, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /**
     * Follows symbolic links inside {@code files} (relative ones from their directory, absolute ones from the
     * image's root, as they resolve in the container) and returns where {@code path} ends up, or null if nowhere.
     */
    static String resolve(NavigableMap<String, Node> files, String path) {
        List<String> pending = new ArrayList<>(List.of(path.split("/")));
        List<String> resolved = new ArrayList<>();
        int hops = 0;
        while (!pending.isEmpty()) {
            String part = pending.removeFirst();
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (!resolved.isEmpty()) {
                    resolved.removeLast();
                }
                continue;
            }
            resolved.add(part);
            String current = String.join("/", resolved);
            Node node = files.get(current);
            if (node == null) {
                // A directory only implied by the paths below it (a layer need not list every parent).
                String below = files.ceilingKey(current + "/");
                if (below == null || !below.startsWith(current + "/")) {
                    return null;
                }
                continue;
            }
            if (node.type() == Type.SYMLINK) {
                if (++hops > 40) {
                    return null;
                }
                resolved.removeLast();
                String link = node.linkTarget();
                if (link.startsWith("/")) {
                    resolved.clear();
                }
                pending.addAll(0, List.of(link.split("/")));
            }
        }
        return String.join("/", resolved);
    }

    @Override
    public void close() throws IOException {
        tar.close();
    }

    private byte[] read(String name) throws IOException {
        try (InputStream in = tar.getInputStream(entry(name))) {
            return in.readAllBytes();
        }
    }

    private TarArchiveEntry entry(String name) {
        return tar.getEntries().stream().filter(entry -> normalize(entry.getName()).equals(normalize(name)))
                .findFirst().orElseThrow(() -> new IllegalStateException("No " + name + " in the image tar"));
    }

    private TarArchiveInputStream layer(String name) throws IOException {
        InputStream raw = new BufferedInputStream(tar.getInputStream(entry(name)), 1 << 16);
        raw.mark(2);
        boolean gzipped = raw.read() == 0x1f && raw.read() == 0x8b;
        raw.reset();
        return new TarArchiveInputStream(gzipped ? new GZIPInputStream(raw, 1 << 16) : raw);
    }

    private static void removeChildren(NavigableMap<String, Node> files, String dir, Set<String> keep) {
        String prefix = dir.isEmpty() ? "" : dir + "/";
        files.subMap(prefix, true, prefix + Character.MAX_VALUE, true).keySet()
                .removeIf(path -> !path.isEmpty() && !keep.contains(path));
    }

    private static void checkNoLinkBetween(Path root, Path dir) {
        for (Path current = dir; current != null && !current.equals(root); current = current.getParent()) {
            if (Files.isSymbolicLink(current)) {
                throw new IllegalStateException("An image entry goes through the symbolic link " + current
                        + "; this unpacker does not follow links");
            }
        }
    }

    private static String join(String parent, String name) {
        return parent.isEmpty() ? name : parent + "/" + name;
    }

    private static String normalize(String name) {
        String path = name;
        while (path.startsWith("./") || path.startsWith("/")) {
            path = path.startsWith("./") ? path.substring(2) : path.substring(1);
        }
        if (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        if (path.equals(".")) {
            return "";
        }
        for (String part : path.split("/")) {
            if (part.equals("..")) {
                throw new UncheckedIOException(new IOException("Unsafe path in the image: " + name));
            }
        }
        return path;
    }
}
