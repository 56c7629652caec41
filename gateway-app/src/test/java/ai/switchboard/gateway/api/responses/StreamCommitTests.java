package ai.switchboard.gateway.api.responses;

import static ai.switchboard.gateway.api.responses.ChatFixtures.chunk;
import static ai.switchboard.gateway.api.responses.ChatFixtures.finish;
import static ai.switchboard.gateway.api.responses.ChatFixtures.role;
import static ai.switchboard.gateway.api.responses.ChatFixtures.text;
import static ai.switchboard.gateway.api.responses.ChatFixtures.usage;
import static org.assertj.core.api.Assertions.assertThat;

import ai.switchboard.providers.api.ChatChunk;
import ai.switchboard.providers.api.ErrorType;
import ai.switchboard.providers.api.ProviderException;
import java.util.List;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

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
        assertThat(StreamCommit.commits(usage(1, 1, 0, 0))).isTrue();
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
}
