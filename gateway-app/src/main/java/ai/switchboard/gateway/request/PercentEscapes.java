package ai.switchboard.gateway.request;

/** Reads {@code %XY} escapes of raw request paths without allocating. */
final class PercentEscapes {

    private PercentEscapes() {
    }

    /** The byte encoded by the escape whose {@code %} is at {@code index}, or -1 when it is not two hex digits. */
    static int decodeAt(String raw, int index) {
        if (index + 2 >= raw.length()) {
            return -1;
        }
        int high = hexDigit(raw.charAt(index + 1));
        int low = hexDigit(raw.charAt(index + 2));
        return high < 0 || low < 0 ? -1 : high << 4 | low;
    }

    private static int hexDigit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }
}
