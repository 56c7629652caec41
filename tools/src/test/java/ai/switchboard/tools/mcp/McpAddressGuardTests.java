package ai.switchboard.tools.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import ai.switchboard.tools.http.AddressPolicy;
import ai.switchboard.tools.http.Cidr;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class McpAddressGuardTests {

    private final McpAddressGuard strict = new McpAddressGuard(new AddressPolicy(List.of()));

    @Test
    void refusesLoopbackPrivateAndMetadataAddresses() {
        assertThat(strict.refusal(URI.create("http://127.0.0.1:8080/mcp"))).contains("loopback");
        assertThat(strict.refusal(URI.create("http://localhost/mcp"))).contains("loopback");
        assertThat(strict.refusal(URI.create("http://[::1]/mcp"))).contains("loopback");
        assertThat(strict.refusal(URI.create("http://10.1.2.3/mcp"))).contains("private");
        assertThat(strict.refusal(URI.create("http://169.254.169.254/latest"))).isNotNull();
        assertThat(strict.refusal(URI.create("http://0x7f000001/mcp"))).isNotNull();
    }

    @Test
    void allowsPublicAddressesAndNamesThatDoNotResolveYet() {
        assertThat(strict.refusal(URI.create("https://93.184.215.14/mcp"))).isNull();
        assertThat(strict.refusal(URI.create("https://mcp.invalid/mcp"))).isNull();
    }

    @Test
    void anAllowedBlockOpensLoopbackButNeverTheMetadataEndpoint() {
        McpAddressGuard allowing = new McpAddressGuard(new AddressPolicy(List.of(Cidr.parse("127.0.0.0/8"),
                Cidr.parse("169.254.0.0/16"))));
        assertThat(allowing.refusal(URI.create("http://127.0.0.1:8080/mcp"))).isNull();
        assertThat(allowing.refusal(URI.create("http://169.254.169.254/latest"))).isNotNull();
    }
}
