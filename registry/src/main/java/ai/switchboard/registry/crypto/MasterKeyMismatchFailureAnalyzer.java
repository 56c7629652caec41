package ai.switchboard.registry.crypto;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a refused master key into Boot's start-up failure report: what is wrong and what to do, no stack trace. */
class MasterKeyMismatchFailureAnalyzer extends AbstractFailureAnalyzer<MasterKeyMismatchException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MasterKeyMismatchException cause) {
        return new FailureAnalysis(cause.getMessage(), "Start every replica with the same SWITCHBOARD_MASTER_KEY "
                + "(property " + MasterKeyResolver.PROPERTY + "): the key the database's secrets were written with. "
                + "Rotating the master key is not supported.", cause);
    }
}
