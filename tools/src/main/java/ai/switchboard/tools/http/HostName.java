package ai.switchboard.tools.http;

import io.netty.util.NetUtil;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A URL's host in the one form the allow-list compares: a lower-case DNS name without its trailing dot, or an IP
 * address. Every spelling that different parsers read differently is refused instead of guessed at: numeric hosts
 * other than a canonical dotted quad ({@code 2130706433}, {@code 0x7f.1}, {@code 0177.0.0.1}, {@code 127.1}, which
 * browsers and libc turn into addresses), IPv6 zone ids, and anything that is not letters, digits and hyphens.
 *
 * @param name the normalised name, or {@code null} for an address
 * @param address the address, or {@code null} for a name
 */
public record HostName(String name, InetAddress address) {

    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern NUMERIC_LABEL = Pattern.compile("[0-9]+|0x[0-9a-f]*");
    private static final Pattern DOTTED_QUAD =
            Pattern.compile("(0|[1-9][0-9]{0,2})\\.(0|[1-9][0-9]{0,2})\\.(0|[1-9][0-9]{0,2})\\.(0|[1-9][0-9]{0,2})");

    /** Parses a host as {@link java.net.URI#getHost()} returns it (IPv6 in brackets). */
    public static HostName parse(String host) {
        if (host == null || host.isEmpty()) {
            throw new IllegalArgumentException("has no host");
        }
        if (host.startsWith("[")) {
            return ipv6(host);
        }
        String lower = host.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".")) {
            lower = lower.substring(0, lower.length() - 1);
        }
        if (lower.isEmpty() || lower.length() > 253) {
            throw new IllegalArgumentException("has an invalid host name");
        }
        String[] labels = lower.split("\\.", -1);
        if (NUMERIC_LABEL.matcher(labels[labels.length - 1]).matches()) {
            return ipv4(lower);
        }
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                throw new IllegalArgumentException("has an invalid host name");
            }
        }
        return new HostName(lower, null);
    }

    boolean isAddress() {
        return address != null;
    }

    /** The host as the allow-list and messages show it: the name, or the address in canonical form. */
    String text() {
        if (name != null) {
            return name;
        }
        String text = NetUtil.toAddressString(address);
        return address instanceof Inet6Address ? "[" + text + "]" : text;
    }

    private static HostName ipv4(String host) {
        if (!DOTTED_QUAD.matcher(host).matches()) {
            throw new IllegalArgumentException("has a numeric host that is not a plain dotted-quad IPv4 address");
        }
        for (String part : host.split("\\.")) {
            if (Integer.parseInt(part) > 255) {
                throw new IllegalArgumentException("is not a valid IPv4 address");
            }
        }
        return new HostName(null, NetUtil.createInetAddressFromIpAddressString(host));
    }

    private static HostName ipv6(String host) {
        if (!host.endsWith("]") || host.indexOf('%') >= 0) {
            throw new IllegalArgumentException("has an invalid or zoned IPv6 address");
        }
        String literal = host.substring(1, host.length() - 1);
        if (!NetUtil.isValidIpV6Address(literal)) {
            throw new IllegalArgumentException("has an invalid IPv6 address");
        }
        // IPv4-mapped literals come back as the IPv4 address they carry, so they are checked as what they reach.
        return new HostName(null, NetUtil.createInetAddressFromIpAddressString(literal));
    }
}
