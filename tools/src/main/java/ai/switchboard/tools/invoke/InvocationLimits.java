package ai.switchboard.tools.invoke;

import java.time.Duration;
import java.util.Objects;

/**
 * The caps every tool call gets, whatever the tool.
 *
 * @param maxArgumentChars the longest argument text a model may send; longer is refused before parsing
 * @param maxOutputChars the longest JSON text of a result's data; longer is cut and marked truncated
 * @param timeout the longest a call may run; a caller may ask for less (an agent's remaining time), never more
 */
public record InvocationLimits(int maxArgumentChars, int maxOutputChars, Duration timeout) {

    public InvocationLimits {
        Objects.requireNonNull(timeout, "timeout");
        if (maxArgumentChars <= 0 || maxOutputChars <= 0 || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("Invocation limits must be positive");
        }
    }

    /** 64 KiB of arguments, 32 KiB of output (about 8k tokens), one minute. */
    public static InvocationLimits defaults() {
        return new InvocationLimits(65_536, 32_768, Duration.ofMinutes(1));
    }
}
