package ai.switchboard.gateway.request;

/**
 * The part of the path firewall that Spring Security's {@code StrictServerWebExchangeFirewall} leaves out: it refuses
 * percent-encoded {@code .}, {@code /}, {@code \}, {@code ;}, {@code %}, NUL, CR and LF, but lets {@code %61dmin}
 * through, since Spring's own matchers decode consistently. This gateway routes on decoded paths and must never see
 * two spellings of one route, so a path is refused when it holds:
 * <ul>
 *   <li>a percent-encoded unreserved character (RFC 3986 letters, digits, {@code -._~}), which has exactly one
 *       canonical spelling: unencoded;</li>
 *   <li>a percent-encoded control character ({@code %00}–{@code %1F}, {@code %7F});</li>
 *   <li>a raw character outside printable ASCII (controls, space, DEL, bytes above 127), or a malformed escape.</li>
 * </ul>
 * Other escapes stay legal: {@code %3A}, {@code %20} or UTF-8 such as {@code %C3%A9} in a model name.
 */
final class PathCharacterRule {

    private PathCharacterRule() {
    }

    /** Why {@code rawPath} is refused, or {@code null} when it passes this rule. */
    static String violation(String rawPath) {
        int length = rawPath.length();
        for (int i = 0; i < length; i++) {
            char c = rawPath.charAt(i);
            if (c < 0x21 || c > 0x7E) {
                return "a control, space or non-ASCII character";
            }
            if (c != '%') {
                continue;
            }
            int decoded = PercentEscapes.decodeAt(rawPath, i);
            if (decoded < 0) {
                return "a malformed percent-escape";
            }
            if (isUnreserved(decoded)) {
                return "a percent-encoded letter, digit or '-._~' (" + rawPath.substring(i, i + 3) + ")";
            }
            if (decoded < 0x20 || decoded == 0x7F) {
                return "a percent-encoded control character (" + rawPath.substring(i, i + 3) + ")";
            }
            i += 2;
        }
        return null;
    }

    private static boolean isUnreserved(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~';
    }
}
