package ai.switchboard.routing.execution;

/**
 * One attempt at one deployment, as shown to clients when every candidate failed and in debug traces: names and
 * classifications only, never a message from upstream or a credential.
 *
 * @param model the public model name
 * @param provider the provider name
 * @param outcome {@code ok}, an {@code ErrorType} tag (a deployment at its concurrency limit, not called, is
 *     {@code concurrency_limited}), {@code circuit_open} or {@code provider_unavailable} (its secrets could not be
 *     decrypted; not called)
 * @param status the upstream HTTP status, or {@code null} when there was no response
 * @param millis how long the attempt took
 */
public record Attempt(String model, String provider, String outcome, Integer status, long millis) {

    public static final String OK = "ok";
    public static final String CIRCUIT_OPEN = "circuit_open";
    public static final String PROVIDER_UNAVAILABLE = "provider_unavailable";

    public boolean succeeded() {
        return OK.equals(outcome);
    }
}
