package ai.switchboard.tools.http;

import io.netty.handler.ipfilter.IpSubnetFilterRule;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Set;

/**
 * Which addresses a tool may connect to: any public unicast address, and private or special ones only when a
 * configured block allows them. Cloud metadata endpoints stay refused even inside an allowed block unless a block
 * names exactly that address, so allowing {@code 169.254.0.0/16} for a device does not open the instance's
 * credentials. Checked after every DNS answer and again on every connect.
 */
public final class AddressPolicy {

    private record Range(IpSubnetFilterRule rule, String reason) {
    }

    /** IANA special-purpose ranges (RFC 6890 and successors) a tool never reaches unless allowed. */
    private static final List<Range> SPECIAL = List.of(
            range("0.0.0.0/8", "an unspecified (this-network) address"),
            range("10.0.0.0/8", "a private address"),
            range("100.64.0.0/10", "a carrier-grade NAT (shared) address"),
            range("127.0.0.0/8", "a loopback address"),
            range("169.254.0.0/16", "a link-local address"),
            range("172.16.0.0/12", "a private address"),
            range("192.0.0.0/24", "an IETF protocol-assignment address"),
            range("192.0.2.0/24", "a documentation address"),
            range("192.88.99.0/24", "a 6to4 relay address"),
            range("192.168.0.0/16", "a private address"),
            range("198.18.0.0/15", "a benchmarking address"),
            range("198.51.100.0/24", "a documentation address"),
            range("203.0.113.0/24", "a documentation address"),
            range("224.0.0.0/4", "a multicast address"),
            range("240.0.0.0/4", "a reserved or broadcast address"),
            range("::/128", "an unspecified address"),
            range("::1/128", "a loopback address"),
            range("::/96", "an IPv4-compatible IPv6 address"),
            range("64:ff9b::/96", "a NAT64 address"),
            range("64:ff9b:1::/48", "a local NAT64 address"),
            range("100::/64", "a discard-only address"),
            range("2001::/32", "a Teredo address"),
            range("2001:db8::/32", "a documentation address"),
            range("2002::/16", "a 6to4 address"),
            range("fc00::/7", "a unique-local address"),
            range("fe80::/10", "a link-local address"),
            range("fec0::/10", "a site-local address"),
            range("ff00::/8", "a multicast address"));

    /**
     * Instance metadata and host-agent endpoints: AWS, GCP, Azure, OCI, DigitalOcean (169.254.169.254), AWS ECS
     * (169.254.170.2), Alibaba (100.100.100.200), Azure WireServer (168.63.129.16, a public address), Oracle Cloud
     * Classic (192.0.0.192) and AWS over IPv6 (fd00:ec2::254).
     */
    private static final Set<InetAddress> METADATA = Set.of(
            Cidr.parse("169.254.169.254").network(), Cidr.parse("169.254.170.2").network(),
            Cidr.parse("100.100.100.200").network(), Cidr.parse("168.63.129.16").network(),
            Cidr.parse("192.0.0.192").network(), Cidr.parse("fd00:ec2::254").network());

    private final List<Cidr> allowed;
    private final List<IpSubnetFilterRule> allowedRules;

    public AddressPolicy(List<Cidr> allowed) {
        this.allowed = List.copyOf(allowed);
        this.allowedRules = this.allowed.stream().map(Cidr::rule).toList();
    }

    /** Why the address may not be reached, or {@code null} when it may. */
    public String refusal(InetAddress address) {
        if (METADATA.contains(address)) {
            return allowed.stream().anyMatch(cidr -> cidr.isExactly(address)) ? null : "a cloud metadata address";
        }
        InetSocketAddress socket = new InetSocketAddress(address, 0);
        for (IpSubnetFilterRule rule : allowedRules) {
            if (rule.matches(socket)) {
                return null;
            }
        }
        if (address instanceof Inet6Address && isIpv4Mapped(address.getAddress())) {
            return "an IPv4-mapped IPv6 address";
        }
        for (Range range : SPECIAL) {
            if (range.rule().matches(socket)) {
                return range.reason();
            }
        }
        return null;
    }

    private static boolean isIpv4Mapped(byte[] bytes) {
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff;
    }

    private static Range range(String cidr, String reason) {
        return new Range(Cidr.parse(cidr).rule(), reason);
    }
}
