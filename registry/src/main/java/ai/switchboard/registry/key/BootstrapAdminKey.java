package ai.switchboard.registry.key;

import ai.switchboard.registry.ApiKeyRecord;
import ai.switchboard.registry.KeyScope;
import ai.switchboard.registry.admin.RegistryConflictException;
import ai.switchboard.registry.config.RegistryProperties;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes sure an administrator can reach a fresh install. With {@code switchboard.registry.bootstrap-admin-key} set,
 * that key is installed as {@code bootstrap-admin} (replacing a previous bootstrap key, so rotating the env var
 * rotates the key). Without it, and with no working admin key in the registry, a key is generated and printed once.
 */
public class BootstrapAdminKey {

    /** The name of the bootstrap key. */
    public static final String NAME = "bootstrap-admin";

    /** The actor recorded in the audit log for bootstrap changes. */
    public static final String ACTOR = "system:bootstrap";

    static final String PROPERTY = RegistryProperties.PREFIX + ".bootstrap-admin-key";
    private static final int MIN_LENGTH = 16;
    private static final Logger log = LoggerFactory.getLogger(BootstrapAdminKey.class);

    private final ApiKeyAdminService service;
    private final ApiKeyRepository keys;
    private final TransactionTemplate transaction;
    private final String configuredKey;

    public BootstrapAdminKey(ApiKeyAdminService service, ApiKeyRepository keys,
            PlatformTransactionManager transactionManager, String configuredKey) {
        this.service = service;
        this.keys = keys;
        this.transaction = new TransactionTemplate(transactionManager);
        this.configuredKey = configuredKey == null || configuredKey.isBlank() ? null : configuredKey.trim();
        if (this.configuredKey != null && this.configuredKey.length() < MIN_LENGTH) {
            throw new IllegalStateException(PROPERTY + " (SWITCHBOARD_ADMIN_KEY) must be at least " + MIN_LENGTH
                    + " characters");
        }
    }

    public void ensure() {
        try {
            if (configuredKey != null) {
                transaction.executeWithoutResult(status -> installConfigured(GeneratedApiKey.of(configuredKey)));
            } else {
                Optional<ApiKeyCreated> created = transaction.execute(status -> generateIfNoAdmin());
                created.ifPresent(key -> log.warn("""
                        No admin key was configured and none exists, so one was generated. It is shown only this \
                        once; store it now, or set SWITCHBOARD_ADMIN_KEY to choose your own:
                            {}""", key.plaintext()));
            }
        } catch (RegistryConflictException e) {
            // Another replica starting at the same time installed it first; theirs is as good as ours.
            log.info("Bootstrap admin key was installed concurrently by another instance");
        }
    }

    private void installConfigured(GeneratedApiKey key) {
        Optional<ApiKeyEntity> existing = keys.findByHash(key.hash());
        if (existing.isPresent()) {
            if (existing.get().isRevoked()) {
                log.warn("The key in {} ({}) has been revoked; it stays revoked. Configure a new key.", PROPERTY,
                        key.prefix());
            }
            return;
        }
        if (keys.existsByNameAndRevokedFalse(NAME)) {
            service.revoke(NAME, ACTOR);
        }
        service.install(bootstrapCommand(), key, KeyGrantor.system(ACTOR));
        log.info("Installed the admin key configured in {} as '{}' ({})", PROPERTY, NAME, key.prefix());
    }

    private Optional<ApiKeyCreated> generateIfNoAdmin() {
        Instant now = Instant.now();
        boolean adminExists = keys.findByRevokedFalse().stream()
                .anyMatch(k -> k.activeAt(now) && k.getScopes().contains(KeyScope.ADMIN.wireName()));
        if (adminExists) {
            return Optional.empty();
        }
        if (keys.existsByNameAndRevokedFalse(NAME)) {
            service.revoke(NAME, ACTOR); // an expired or otherwise unusable bootstrap key
        }
        return Optional.of(service.create(bootstrapCommand(), KeyGrantor.system(ACTOR)));
    }

    private static ApiKeyCreateCommand bootstrapCommand() {
        return new ApiKeyCreateCommand(NAME, List.of(KeyScope.ADMIN.wireName(), KeyScope.INFERENCE.wireName()),
                List.of(ApiKeyRecord.ALL_MODELS), null);
    }
}
