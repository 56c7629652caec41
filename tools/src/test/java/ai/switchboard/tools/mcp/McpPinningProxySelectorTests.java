package ai.switchboard.tools.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.switchboard.tools.http.AddressPolicy;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * DNS rebinding against the MCP client's proxy selector, with a resolver stub whose answers change from one lookup to
 * the next: a name that answered a public address to the check and loopback afterwards is refused at the request.
 */
class McpPinningProxySelectorTests {

    private final Deque<String[]> answers = new ArrayDeque<>();
    private final McpPinningProxySelector selector = new McpPinningProxySelector(new McpAddressGuard(
            new AddressPolicy(List.of()), this::resolve));

    @Test
    void aNameThatRebindsToLoopbackAfterTheCheckIsRefusedAndTheCheckedAddressIsTheOneUsed() throws Exception {
        URI url = URI.create("http://rebind.example/mcp");
        answers.add(new String[] {"93.184.215.14"});
        answers.add(new String[] {"127.0.0.1"});

        Proxy first = selector.select(url).getFirst();

        assertThat(first.type()).isEqualTo(Proxy.Type.HTTP);
        InetSocketAddress pinned = (InetSocketAddress) first.address();
        assertThat(pinned.isUnresolved()).as("the client must not look the name up again").isFalse();
        assertThat(pinned.getAddress()).isEqualTo(InetAddress.getByName("93.184.215.14"));
        assertThat(pinned.getPort()).isEqualTo(80);
        assertThatThrownBy(() -> selector.select(url)).isInstanceOf(McpAddressRefusedException.class)
                .hasMessageContaining("127.0.0.1").hasMessageContaining("loopback");
    }

    @Test
    void overHttpsTheNameIsCheckedAtEveryRequestToo() {
        URI url = URI.create("https://rebind.example:8443/mcp");
        answers.add(new String[] {"93.184.215.14"});
        answers.add(new String[] {"127.0.0.1"});

        assertThat(selector.select(url)).containsExactly(Proxy.NO_PROXY);
        assertThatThrownBy(() -> selector.select(url)).isInstanceOf(McpAddressRefusedException.class)
                .hasMessageContaining("loopback");
    }

    @Test
    void aNameWithAnyRefusedAnswerIsRefusedAsAWhole() {
        answers.add(new String[] {"93.184.215.14", "10.0.0.7"});

        assertThatThrownBy(() -> selector.select(URI.create("http://mixed.example:8080/mcp")))
                .isInstanceOf(McpAddressRefusedException.class).hasMessageContaining("10.0.0.7");
    }

    @Test
    void anAddressLiteralIsCheckedWithoutALookup() {
        assertThat(selector.select(URI.create("http://93.184.215.14:8080/mcp"))).containsExactly(Proxy.NO_PROXY);
        assertThatThrownBy(() -> selector.select(URI.create("http://169.254.169.254/latest")))
                .isInstanceOf(McpAddressRefusedException.class);
    }

    @Test
    void aNameThatNoLongerResolvesFailsTheRequest() {
        assertThatThrownBy(() -> selector.select(URI.create("http://gone.example/mcp")))
                .isInstanceOf(UncheckedIOException.class).hasCauseInstanceOf(UnknownHostException.class);
    }

    private InetAddress[] resolve(String host) throws UnknownHostException {
        String[] next = answers.poll();
        if (next == null) {
            throw new UnknownHostException(host);
        }
        InetAddress[] addresses = new InetAddress[next.length];
        for (int i = 0; i < next.length; i++) {
            addresses[i] = InetAddress.getByAddress(host, InetAddress.getByName(next[i]).getAddress());
        }
        return addresses;
    }
}
