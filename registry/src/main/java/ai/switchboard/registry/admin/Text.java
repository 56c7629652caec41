package ai.switchboard.registry.admin;

/** Character rules for values that may end up in a header, a URL or a log line. */
public final class Text {

    private Text() {
    }

    /** No control characters at all (C0, DEL, C1): no line breaks, tabs or NULs. */
    public static boolean isPrintable(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * No control characters but line breaks and tabs: for text a model reads (instructions, a tool's description),
     * which never reaches a header or a log line.
     */
    public static boolean isPrintableLines(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t') {
                return false;
            }
        }
        return true;
    }
}
