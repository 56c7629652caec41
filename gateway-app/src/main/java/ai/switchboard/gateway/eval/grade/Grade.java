package ai.switchboard.gateway.eval.grade;

/**
 * How one answer fared.
 *
 * @param passed whether the answer counts as correct
 * @param score the judge's 1-10 score, or {@code null} for graders that only pass or fail
 * @param detail why it failed (or what the judge said), short enough to store with the answer
 */
public record Grade(boolean passed, Integer score, String detail) {

    static final int MAX_DETAIL = 1_000;

    public Grade {
        detail = detail != null && detail.length() > MAX_DETAIL ? detail.substring(0, MAX_DETAIL) : detail;
    }

    static Grade pass() {
        return new Grade(true, null, null);
    }

    static Grade fail(String why) {
        return new Grade(false, null, why);
    }
}
