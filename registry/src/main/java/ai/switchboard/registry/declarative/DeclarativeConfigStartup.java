package ai.switchboard.registry.declarative;

import ai.switchboard.registry.admin.RegistryValidationException;
import ai.switchboard.registry.snapshot.RegistryLifecycle;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Applies {@code switchboard.config.file} once the registry is up and before the web server accepts requests. An
 * invalid file stops the start-up with every error in the message: a replica never serves a half-applied catalog.
 */
public class DeclarativeConfigStartup implements SmartLifecycle {

    /** The actor recorded in the audit log for changes made by the file at start-up. */
    public static final String ACTOR = "system:config-file";

    private static final Logger log = LoggerFactory.getLogger(DeclarativeConfigStartup.class);

    private final DeclarativeConfigService service;
    private final Path file;
    private volatile boolean running;

    public DeclarativeConfigStartup(DeclarativeConfigService service, Path file) {
        this.service = service;
        this.file = file;
    }

    @Override
    public void start() {
        if (file != null) {
            String text;
            try {
                text = Files.readString(file);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the declarative registry file " + file, e);
            }
            try {
                ApplyResult result = service.apply(text, ACTOR);
                log.info("Applied the declarative registry file {}: {}", file, result.changed()
                        ? result.sections() : "already up to date");
            } catch (RegistryValidationException e) {
                throw new IllegalStateException("The declarative registry file " + file + " is invalid; nothing "
                        + "was applied. " + e.getMessage(), e);
            }
        }
        running = true;
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Right after the registry lifecycle (bootstrap key, first snapshot, listener), long before the web server. */
    @Override
    public int getPhase() {
        return RegistryLifecycle.PHASE + 1;
    }
}
