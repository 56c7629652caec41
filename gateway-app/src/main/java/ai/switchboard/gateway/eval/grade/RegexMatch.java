package ai.switchboard.gateway.eval.grade;

import ai.switchboard.registry.admin.FieldErrors;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The answer matches a regular expression somewhere (anchor it to match the whole answer): the grader's own
 * {@code pattern}, else the case's expectation read as one, compiled when the case is imported.
 */
record RegexMatch(Pattern pattern) implements LocalGrader {

    /** A bound on what one pattern may be: a pattern is run against every answer of an evaluation. */
    static final int MAX_PATTERN = 4_096;
    /** How long one match may take: a pattern that backtracks catastrophically fails its case, not its thread. */
    static final long MAX_MATCH_NANOS = 200_000_000L;

    @Override
    public JsonNode spec() {
        return pattern == null ? JsonNodeFactory.instance.objectNode().put("type", Graders.REGEX)
                : JsonNodeFactory.instance.objectNode().put("type", Graders.REGEX).put("pattern", pattern.pattern());
    }

    @Override
    public void checkExpected(FieldErrors errors, String field, JsonNode expected) {
        if (pattern == null && (expected == null || !expected.isString())) {
            errors.add(field, "must be a regular expression, as the grader has no \"pattern\"");
        } else if (pattern == null) {
            compile(errors, field, expected.asString());
        }
    }

    @Override
    public Grade grade(String answer, JsonNode expected) {
        Pattern used = pattern != null ? pattern : Pattern.compile(expected.asString());
        try {
            return used.matcher(new Deadline(answer, System.nanoTime() + MAX_MATCH_NANOS)).find() ? Grade.pass()
                    : Grade.fail("the answer does not match the pattern");
        } catch (MatchTooSlow slow) {
            return Grade.fail("the pattern took longer than " + MAX_MATCH_NANOS / 1_000_000 + " ms on this answer");
        }
    }

    static Pattern compile(FieldErrors errors, String field, String source) {
        if (source.length() > MAX_PATTERN) {
            errors.add(field, "must be at most " + MAX_PATTERN + " characters");
            return null;
        }
        try {
            return Pattern.compile(source);
        } catch (PatternSyntaxException e) {
            errors.add(field, "is not a valid regular expression: " + e.getDescription() + " near index "
                    + e.getIndex());
            return null;
        }
    }

    /**
     * The answer as the matcher reads it, giving up once the deadline passes: java.util.regex cannot be interrupted,
     * but every step of a match reads a character.
     */
    private record Deadline(CharSequence text, long deadlineNanos) implements CharSequence {

        @Override
        public char charAt(int index) {
            if (System.nanoTime() - deadlineNanos > 0) {
                throw new MatchTooSlow();
            }
            return text.charAt(index);
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new Deadline(text.subSequence(start, end), deadlineNanos);
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }

    private static final class MatchTooSlow extends RuntimeException {

        MatchTooSlow() {
            super(null, null, false, false);
        }
    }
}
