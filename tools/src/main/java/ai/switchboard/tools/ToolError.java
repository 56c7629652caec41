package ai.switchboard.tools;

/**
 * Why a tool call did not produce data: the closed set every tool failure is classified into, in one place. The
 * {@link #code()} is what the model reads and what metrics are tagged with.
 */
public enum ToolError {

    /**
     * The arguments cannot be used: not JSON, not an object, or not matching the tool's schema (then the tool did
     * not run), or rejected by the tool's target as malformed (a SQL syntax error, an unknown column). The model
     * should correct them.
     */
    INVALID_ARGUMENTS("invalid_arguments"),

    /** The tool refused the request by policy (a URL off the allow-list, a write, a table not granted). */
    REFUSED("refused"),

    /** The call did not finish within its time limit and was cancelled. */
    TIMEOUT("timeout"),

    /** The tool's target could not be reached or is busy; trying later may work. */
    UNAVAILABLE("unavailable"),

    /** Anything else; the detail is not shown to the model. */
    FAILED("failed");

    private final String code;

    ToolError(String code) {
        this.code = code;
    }

    /** The lower-case name used in tool results and as a metric tag. */
    public String code() {
        return code;
    }
}
