package ai.switchboard.registry.provider;

import java.util.regex.Pattern;

/**
 * Credentials written into a URL's authority ({@code http://user:password@host/v1}). New base URLs with them are
 * refused; rows stored before that are shown with the user info masked and a warning at start-up.
 */
public final class UrlCredentials {

    // Scheme, then an authority that holds an '@' before any path, query or fragment starts.
    private static final Pattern USER_INFO = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*://)[^/?#]*@");

    /** The same test in PostgreSQL's regular expressions, for finding stored rows. */
    static final String SQL_PATTERN = "^[A-Za-z][A-Za-z0-9+.-]*://[^/?#]*@";

    private UrlCredentials() {
    }

    /** Whether the URL carries user info. */
    public static boolean present(String url) {
        return url != null && USER_INFO.matcher(url).find();
    }

    /** The URL with its user info replaced by {@code ***}; other URLs unchanged. */
    public static String masked(String url) {
        return url == null ? null : USER_INFO.matcher(url).replaceFirst("$1***@");
    }
}
