package ai.switchboard.bench.replay.harness;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StreamedContentTests {

    @Test
    void joinsTheDeltasOfACompleteStream() {
        String body = "data: {\"choices\":[{\"delta\":{\"role\":\"assistant\",\"content\":\"\"}}]}\n\n"
                + "data: {\"choices\":[{\"delta\":{\"content\":\"Hel\"}}]}\n\n"
                + "data: {\"choices\":[{\"delta\":{\"content\":\"lo\"},\"finish_reason\":\"stop\"}]}\n\n"
                + "data: {\"choices\":[],\"usage\":{\"prompt_tokens\":3}}\n\ndata: [DONE]\n\n";

        assertThat(StreamedContent.of(body)).isEqualTo("Hello");
    }

    @Test
    void treatsAStreamWithoutDoneOrWithAnErrorEventAsBroken() {
        assertThat(StreamedContent.of("data: {\"choices\":[{\"delta\":{\"content\":\"Hel\"}}]}\n\n")).isNull();
        assertThat(StreamedContent.of("data: {\"error\":{\"message\":\"upstream\"}}\n\ndata: [DONE]\n\n")).isNull();
    }
}
