package ai.switchboard.routing.execution;

import static org.assertj.core.api.Assertions.assertThat;

import ai.switchboard.providers.api.ChatChunk;
import ai.switchboard.providers.api.ErrorType;
import ai.switchboard.providers.api.ProviderException;
import ai.switchboard.providers.json.WireJson;
import java.util.List;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;
import reactor.test.publisher.TestPublisher;
import tools.jackson.databind.node.ObjectNode;

class StreamCommitTests {

    @Test
    void onlyContentFinishOrUsageCommitAChatStream() {
        assertThat(StreamCommit.commits(role())).isFalse();
        assertThat(StreamCommit.commits(text(""))).isFalse();
        assertThat(StreamCommit.commits(text("a"))).isTrue();
        assertThat(StreamCommit.commits(chunk("\"choices\":[{\"index\":0,\"delta\":{\"reasoning\":\"r\"}}]")))
                .isTrue();
        assertThat(StreamCommit.commits(chunk("\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,"
                + "\"id\":\"c\",\"type\":\"function\",\"function\":{\"name\":\"f\",\"arguments\":\"\"}}]}}]")))
                .isTrue();
        assertThat(StreamCommit.commits(finish("stop"))).isTrue();
        assertThat(StreamCommit.commits(usage(1, 1))).isTrue();
    }

    @Test
    void heldOpeningElementsLeaveWithTheFirstCommittingOneOrVanishWithAFailure() {
        ChatChunk opening = role();
        ChatChunk content = text("a");
        assertThat(StreamCommit.holdUntilCommit(Flux.just(opening, content, finish("stop")), StreamCommit::commits)
                .collectList().block()).hasSize(3).startsWith(opening, content);

        ProviderException failure = ProviderException.of(ErrorType.UPSTREAM_SERVER_ERROR, "boom");
        StepVerifier.create(StreamCommit.holdUntilCommit(Flux.just(opening).concatWith(Flux.error(failure)),
                        StreamCommit::commits))
                .expectErrorSatisfies(error -> assertThat(error).isSameAs(failure))
                .verify();

        assertThat(StreamCommit.holdUntilCommit(Flux.just(opening), StreamCommit::commits).collectList().block())
                .isEqualTo(List.of(opening));
    }

    /** A slow reader that asks for one element at a time still gets every released element before the failure. */
    @Test
    void aFailureRightAfterTheCommitWaitsForTheReleasedElements() {
        ChatChunk opening = role();
        ChatChunk content = text("Hal");
        ProviderException failure = ProviderException.of(ErrorType.UPSTREAM_SERVER_ERROR, "cut");
        TestPublisher<ChatChunk> upstream = TestPublisher.create();
        StepVerifier.create(StreamCommit.holdUntilCommit(upstream.flux(), StreamCommit::commits), 1)
                .then(() -> upstream.next(opening, content).error(failure))
                .expectNext(opening)
                .thenRequest(1)
                .expectNext(content)
                .expectErrorSatisfies(error -> assertThat(error).isSameAs(failure))
                .verify();
    }

    @Test
    void onlyTextFinishOrUsageCommitALegacyCompletionStream() {
        assertThat(StreamCommit.commitsCompletion(json("{\"choices\":[{\"index\":0,\"text\":\"\"}]}"))).isFalse();
        assertThat(StreamCommit.commitsCompletion(json("{\"choices\":[{\"index\":0,\"text\":\"a\"}]}"))).isTrue();
        assertThat(StreamCommit.commitsCompletion(json("{\"choices\":[{\"index\":0,\"text\":\"\","
                + "\"finish_reason\":\"stop\"}]}"))).isTrue();
        assertThat(StreamCommit.commitsCompletion(json("{\"choices\":[],\"usage\":{\"prompt_tokens\":1}}")))
                .isTrue();
    }

    private static ObjectNode json(String text) {
        return (ObjectNode) WireJson.mapper().readTree(text);
    }

    private static ChatChunk chunk(String json) {
        return WireJson.mapper().readValue("{\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"created\":1,"
                + "\"model\":\"m\"," + json + "}", ChatChunk.class);
    }

    private static ChatChunk text(String delta) {
        return chunk("\"choices\":[{\"index\":0,\"delta\":{\"content\":" + WireJson.mapper().writeValueAsString(delta)
                + "},\"finish_reason\":null}]");
    }

    private static ChatChunk role() {
        return chunk("\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"},"
                + "\"finish_reason\":null}]");
    }

    private static ChatChunk finish(String reason) {
        return chunk("\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"" + reason + "\"}]");
    }

    private static ChatChunk usage(int prompt, int completion) {
        return chunk("\"choices\":[],\"usage\":{\"prompt_tokens\":" + prompt + ",\"completion_tokens\":"
                + completion + ",\"total_tokens\":" + (prompt + completion) + "}");
    }
}
