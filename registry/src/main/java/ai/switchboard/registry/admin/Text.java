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
}
