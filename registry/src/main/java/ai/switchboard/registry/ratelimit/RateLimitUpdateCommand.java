package ai.switchboard.registry.ratelimit;

import java.util.Set;

/**
 * A change to a rate limit's values; its target cannot change. {@code clear} lists the limits to remove (at least one
 * must remain).
 */
public record RateLimitUpdateCommand(Integer requestsPerMinute, Integer tokensPerMinute, Set<String> clear) {

    public RateLimitUpdateCommand {
        clear = clear == null ? Set.of() : Set.copyOf(clear);
    }
}
