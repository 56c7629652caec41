package ai.switchboard.registry.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MasterKeyResolverTests {

    @TempDir
    Path dataDir;

    @Test
    void usesTheConfiguredKey() {
        byte[] key = CredentialCipherTests.randomKey();

        assertThat(MasterKeyResolver.resolve(Base64.getEncoder().encodeToString(key), dataDir)).isEqualTo(key);
        assertThat(dataDir.resolve(MasterKeyResolver.KEY_FILE)).doesNotExist();
    }

    @Test
    void createsAnOwnerOnlyKeyFileOnceAndReusesIt() throws Exception {
        byte[] first = MasterKeyResolver.resolve(null, dataDir.resolve("nested"));
        byte[] second = MasterKeyResolver.resolve(" ", dataDir.resolve("nested"));

        Path file = dataDir.resolve("nested").resolve(MasterKeyResolver.KEY_FILE);
        assertThat(first).hasSize(32).isEqualTo(second);
        assertThat(Files.getPosixFilePermissions(file))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    }

    @Test
    void namesThePropertyButNotTheKeyWhenInvalid() {
        String shortKey = Base64.getEncoder().encodeToString(new byte[16]);

        assertThatThrownBy(() -> MasterKeyResolver.resolve(shortKey, dataDir))
                .hasMessageContaining("switchboard.registry.master-key")
                .hasMessageContaining("32 bytes")
                .hasMessageNotContaining(shortKey);
        assertThatThrownBy(() -> MasterKeyResolver.resolve("not base64 %%", dataDir))
                .hasMessageContaining("switchboard.registry.master-key")
                .hasMessageNotContaining("%%");
    }

    @Test
    void describesWhereTheKeyComesFromWithoutTheKey() {
        String key = Base64.getEncoder().encodeToString(new byte[32]);

        assertThat(MasterKeyResolver.describeSource(key, dataDir))
                .isEqualTo("SWITCHBOARD_MASTER_KEY, property switchboard.registry.master-key");
        assertThat(MasterKeyResolver.describeSource(" ", dataDir)).startsWith("the key file "
                + dataDir.resolve("master.key").toAbsolutePath()).contains("SWITCHBOARD_MASTER_KEY is unset");
    }
}
