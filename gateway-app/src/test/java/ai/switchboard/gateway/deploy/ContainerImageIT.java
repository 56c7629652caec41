package ai.switchboard.gateway.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the image tar the {@code image} profile builds with Jib ({@code ./mvnw verify -Pimage}) and checks the
 * container configuration a runtime will use: non-root user, entrypoint with container-sized JVM flags, port.
 */
class ContainerImageIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void imageRunsTheGatewayAsNonRootWithContainerSizedJvmFlags() throws IOException {
        Map<String, byte[]> entries = entries(Path.of(System.getProperty("switchboard.image.tar",
                "target/switchboard-image.tar")));
        JsonNode manifest = JSON.readTree(entries.get("manifest.json")).get(0);
        assertThat(manifest.get("RepoTags").get(0).asString()).startsWith("switchboard:");
        JsonNode config = JSON.readTree(entries.get(manifest.get("Config").asString())).get("config");

        assertThat(config.get("User").asString()).isEqualTo("65532:65532");
        assertThat(config.get("ExposedPorts").propertyNames()).containsExactly("8080/tcp");
        List<String> entrypoint = JSON.convertValue(config.get("Entrypoint"),
                JSON.getTypeFactory().constructCollectionType(List.class, String.class));
        assertThat(entrypoint).startsWith("java").contains("-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError")
                .endsWith("ai.switchboard.gateway.SwitchboardApplication");
        assertThat(JSON.convertValue(config.get("Env"), List.class)).contains("SWITCHBOARD_DATA_DIR=/tmp/switchboard");
        // The application's own classes are in the image, in a layer of their own.
        assertThat(manifest.get("Layers").size()).isGreaterThanOrEqualTo(3);
    }

    private static Map<String, byte[]> entries(Path tar) throws IOException {
        assertThat(tar).as("built by the image profile").exists();
        Map<String, byte[]> small = new HashMap<>();
        try (InputStream in = Files.newInputStream(tar); TarArchiveInputStream archive = new TarArchiveInputStream(in)) {
            TarArchiveEntry entry;
            while ((entry = archive.getNextEntry()) != null) {
                // Only the JSON documents matter; layers are skipped unread.
                if (entry.getName().endsWith(".json")) {
                    small.put(entry.getName(), archive.readAllBytes());
                }
            }
        }
        return small;
    }
}
