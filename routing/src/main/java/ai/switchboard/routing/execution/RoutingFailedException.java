package ai.switchboard.routing.execution;

import ai.switchboard.providers.api.ProviderException;
import java.util.List;
import java.util.Objects;

/**
 * Every candidate of a request failed. Carries each attempt (names and classifications only) and the decisive
 * failure, whose status and type the client sees. No stack trace: this is an ordinary outcome under outages.
 */
public class RoutingFailedException extends RuntimeException {

    private final transient List<Attempt> attempts;
    private final ProviderException decisive;

    public RoutingFailedException(List<Attempt> attempts, ProviderException decisive) {
        super(message(attempts, decisive), decisive, false, false);
        this.attempts = List.copyOf(attempts);
        this.decisive = Objects.requireNonNull(decisive, "decisive");
    }

    public List<Attempt> attempts() {
        return attempts;
    }

    /** The failure that decides the status: the last one that came from a call, not from a skip. */
    public ProviderException decisive() {
        return decisive;
    }

    private static String message(List<Attempt> attempts, ProviderException decisive) {
        if (attempts.size() <= 1) {
            return decisive.getMessage();
        }
        return "All " + attempts.size() + " attempts failed; last error: " + decisive.getMessage();
    }
}
