package ai.switchboard.registry.snapshot;

import ai.switchboard.registry.crypto.MasterKeyVerifier;
import ai.switchboard.registry.provider.PlaintextSecretsMigration;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Before anything reads or writes a secret: checks that the master key is the database's (refusing to start if
 * not), then encrypts what earlier versions left in plaintext. Runs just before {@link RegistryLifecycle} loads the
 * first snapshot.
 */
@Component
public class StoredSecretsStartup implements SmartLifecycle {

    private final MasterKeyVerifier masterKey;
    private final PlaintextSecretsMigration plaintext;
    private volatile boolean running;

    public StoredSecretsStartup(MasterKeyVerifier masterKey, PlaintextSecretsMigration plaintext) {
        this.masterKey = masterKey;
        this.plaintext = plaintext;
    }

    @Override
    public void start() {
        masterKey.verify();
        plaintext.run();
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

    @Override
    public int getPhase() {
        return RegistryLifecycle.PHASE - 1;
    }
}
