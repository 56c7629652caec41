package ai.switchboard.providers.api;

/**
 * What a request does next after an attempt failed with an {@link ErrorType}, as long as nothing has reached the
 * client yet. Decided by the error type alone, so routing and every caller that asks agree.
 */
public enum Recovery {

    /** The request itself was refused (bad input, too large, filtered): any candidate would refuse it too. */
    END,

    /** The deployment is at fault in a way no wait fixes (credentials, unknown upstream model, quota, full). */
    NEXT_CANDIDATE,

    /**
     * Transient, and this deployment is the likely cause (a 429, silence past a timeout): the next candidate at once;
     * the same deployment again, after backoff, only when no other candidate is left.
     */
    NEXT_CANDIDATE_THEN_RETRY,

    /** Transient and cheap to find out (a 5xx, a reset connection): the same deployment after backoff, then on. */
    RETRY_THEN_NEXT_CANDIDATE,

    /** The prompt does not fit: the next candidate whose context window is larger. */
    LARGER_CONTEXT_WINDOW
}
