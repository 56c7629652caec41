package ai.switchboard.tools.http;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.netty.handler.ipfilter.IpFilterRuleType;
import io.netty.handler.ipfilter.IpSubnetFilterRule;
import io.netty.util.NetUtil;
import java.net.Inet4Address;
import java.net.InetAddress;

/**
 * A block of addresses ({@code 10.20.0.0/16}, {@code fd12:3456::/48}; a bare address is a block of one). Matching is
 * Netty's {@link IpSubnetFilterRule}; an IPv4 block never matches an IPv6 address and the other way round.
 *
 * @param network the first address as written
 * @param prefix the prefix length
 */
public record Cidr(InetAddress network, int prefix) {

    public Cidr {
        int bits = network instanceof Inet4Address ? 32 : 128;
        if (prefix < 0 || prefix > bits) {
            throw new IllegalArgumentException("has a prefix length outside 0.." + bits);
        }
    }

    /** Parses {@code address[/prefix]}; the address must be a literal, never a name to resolve. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static Cidr parse(String text) {
        int slash = text.indexOf('/');
        String literal = slash < 0 ? text : text.substring(0, slash);
        InetAddress address = NetUtil.createInetAddressFromIpAddressString(literal);
        if (address == null || literal.indexOf('%') >= 0) {
            throw new IllegalArgumentException("must be an IP address or CIDR block such as 10.0.0.0/8 or fd00::/8");
        }
        int bits = address instanceof Inet4Address ? 32 : 128;
        int prefix;
        try {
            prefix = slash < 0 ? bits : Integer.parseInt(text.substring(slash + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("has an invalid prefix length");
        }
        return new Cidr(address, prefix);
    }

    /** Whether this block is exactly the one address (a /32 or /128 naming it). */
    boolean isExactly(InetAddress address) {
        return prefix == (network instanceof Inet4Address ? 32 : 128) && network.equals(address);
    }

    IpSubnetFilterRule rule() {
        return new IpSubnetFilterRule(network, prefix, IpFilterRuleType.ACCEPT);
    }

    @JsonValue
    @Override
    public String toString() {
        return NetUtil.toAddressString(network) + "/" + prefix;
    }
}
