package ai.switchboard.tools.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.util.NetUtil;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class AddressPolicyTests {

    private final AddressPolicy strict = new AddressPolicy(List.of());

    @Test
    void allowsPublicAddressesOnly() {
        assertThat(strict.refusal(address("93.184.215.14"))).isNull();
        assertThat(strict.refusal(address("2606:4700::1111"))).isNull();
        assertThat(strict.refusal(address("10.1.2.3"))).isEqualTo("a private address");
        assertThat(strict.refusal(address("fd00::1"))).isEqualTo("a unique-local address");
        assertThat(strict.refusal(address("100.127.255.255"))).isEqualTo("a carrier-grade NAT (shared) address");
        assertThat(strict.refusal(address("0.1.2.3"))).contains("unspecified");
    }

    @Test
    void anAllowedBlockOpensPrivateAddressesButNotTheMetadataEndpointInside() {
        AddressPolicy crm = new AddressPolicy(List.of(Cidr.parse("10.20.0.0/16"), Cidr.parse("169.254.0.0/16")));

        assertThat(crm.refusal(address("10.20.3.4"))).isNull();
        assertThat(crm.refusal(address("10.21.0.1"))).isEqualTo("a private address");
        assertThat(crm.refusal(address("169.254.10.10"))).isNull();
        assertThat(crm.refusal(address("169.254.169.254"))).isEqualTo("a cloud metadata address");
    }

    @Test
    void aMetadataAddressNeedsAnEntryOfItsOwn() {
        AddressPolicy imds = new AddressPolicy(List.of(Cidr.parse("169.254.169.254")));

        assertThat(imds.refusal(address("169.254.169.254"))).isNull();
        assertThat(imds.refusal(address("169.254.169.253"))).isEqualTo("a link-local address");
        assertThat(strict.refusal(address("168.63.129.16"))).as("Azure's public WireServer address")
                .isEqualTo("a cloud metadata address");
    }

    @Test
    void refusesAnIpv4MappedIpv6AddressHeldAsIpv6() throws Exception {
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xff;
        mapped[11] = (byte) 0xff;
        mapped[12] = 93;
        mapped[15] = 14;

        assertThat(strict.refusal(Inet6Address.getByAddress(null, mapped, -1))).contains("IPv4-mapped");
    }

    private static InetAddress address(String literal) {
        return NetUtil.createInetAddressFromIpAddressString(literal);
    }
}
