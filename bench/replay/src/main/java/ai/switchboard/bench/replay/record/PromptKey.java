package ai.switchboard.bench.replay.record;

import java.util.regex.Pattern;

/**
 * The key a recording is found by: the prompt with every run of whitespace made one space and the ends trimmed, so
 * that a client re-wrapping lines or a CSV's line endings do not lose the match. Case and punctuation count.
 */
public final class PromptKey {

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private PromptKey() {
    }

    public static String of(String prompt) {
        return WHITESPACE.matcher(prompt).replaceAll(" ").strip();
    }
}
