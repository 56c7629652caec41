package ai.switchboard.bench.driver;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ContentEventScannerTests {

    private static final String ROLE = "data: {\"choices\":[{\"delta\":{\"role\":\"assistant\",\"content\":\"\"}}]}\n\n";
    private static final String TOKEN = "data: {\"choices\":[{\"delta\":{\"content\":\"lorem\"}}]}\n\n";

    @Test
    void countsContentEventsButNotTheEmptyRoleChunk() {
        assertThat(new ContentEventScanner().scan(buffer(ROLE + TOKEN + TOKEN + "data: [DONE]\n\n"))).isEqualTo(2);
    }

    @Test
    void countsAnEventSplitAcrossReadsOnceInTheReadThatCompletesIt() {
        ContentEventScanner scanner = new ContentEventScanner();
        String stream = ROLE + TOKEN;
        int split = stream.indexOf("\"content\":\"lorem") + 5;

        assertThat(scanner.scan(buffer(stream.substring(0, split)))).isZero();
        assertThat(scanner.scan(buffer(stream.substring(split)))).isEqualTo(1);
    }

    @Test
    void splitRightBeforeTheFirstContentByteStillCounts() {
        ContentEventScanner scanner = new ContentEventScanner();
        int split = TOKEN.indexOf("lorem");

        assertThat(scanner.scan(buffer(TOKEN.substring(0, split)))).isZero();
        assertThat(scanner.scan(buffer(TOKEN.substring(split)))).isEqualTo(1);
    }

    private static ByteBuf buffer(String text) {
        return Unpooled.wrappedBuffer(text.getBytes(StandardCharsets.UTF_8));
    }
}
