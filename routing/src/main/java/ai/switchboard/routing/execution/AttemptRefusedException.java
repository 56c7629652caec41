package ai.switchboard.routing.execution;

import ai.switchboard.providers.api.ErrorType;
import ai.switchboard.providers.api.ProviderException;
import java.time.Duration;

/**
 * A deployment the request may not call now, by the gateway's own limits (never an upstream's answer): it is skipped
 * without counting as a call or against its circuit. If every candidate is skipped, the request fails with a 429
 * saying which limit and when to retry.
 */
public final class AttemptRefusedException extends ProviderException {

    public AttemptRefusedException(String message, Duration retryAfter) {
        super(ErrorType.RATE_LIMITED, 429, message, null, "rate_limit_exceeded", retryAfter, null);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
