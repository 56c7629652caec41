package ai.switchboard.registry.declarative;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** Where the declarative registry file is, if there is one. */
@Validated
@ConfigurationProperties(prefix = DeclarativeConfigProperties.PREFIX)
public class DeclarativeConfigProperties {

    public static final String PREFIX = "switchboard.config";

    /**
     * The declarative registry file (env {@code SWITCHBOARD_CONFIG_FILE}) applied at every start-up; start-up fails
     * if it is invalid, so a bad file never reaches a replica that serves. Unset: nothing is applied.
     */
    private Path file;

    public Path getFile() {
        return file;
    }

    public void setFile(Path file) {
        this.file = file;
    }
}
