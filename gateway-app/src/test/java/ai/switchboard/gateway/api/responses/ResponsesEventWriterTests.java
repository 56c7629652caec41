package ai.switchboard.gateway.api.responses;

import static org.assertj.core.api.Assertions.assertThat;

import ai.switchboard.gateway.api.responses.wire.ErrorEvent;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;

class ResponsesEventWriterTests {

    @Test
    void framesAnEventWithItsTypeAsTheEventNameAndNoDoneMarker() {
        DataBuffer buffer = ResponsesEventWriter.event(DefaultDataBufferFactory.sharedInstance, "error",
                new ErrorEvent("error", 3, "server_error", "Upstream failed", null));

        assertThat(buffer.toString(StandardCharsets.UTF_8)).isEqualTo("event: error\ndata: {\"type\":\"error\","
                + "\"sequence_number\":3,\"code\":\"server_error\",\"message\":\"Upstream failed\",\"param\":null}\n\n");
    }
}
