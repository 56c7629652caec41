package ai.switchboard.gateway.api.messages;

import static org.assertj.core.api.Assertions.assertThat;

import ai.switchboard.gateway.api.messages.wire.ContentBlockStartEvent;
import ai.switchboard.gateway.api.messages.wire.MessageStopEvent;
import ai.switchboard.gateway.api.messages.wire.PassedThroughEvent;
import ai.switchboard.gateway.api.messages.wire.PingEvent;
import ai.switchboard.providers.anthropic.api.TextContent;
import ai.switchboard.providers.anthropic.api.ThinkingContent;
import ai.switchboard.providers.anthropic.api.ToolUseContent;
import ai.switchboard.providers.api.AnthropicMessagesEvent;
import org.junit.jupiter.api.Test;

class MessagesCommitTests {

    @Test
    void eventsThatOnlyOpenAStreamDoNotCommitIt() {
        assertThat(MessagesCommit.commits(passed("message_start", "{\"type\":\"message_start\",\"message\":{}}")))
                .isFalse();
        assertThat(MessagesCommit.commits(passed("ping", "{\"type\":\"ping\"}"))).isFalse();
        assertThat(MessagesCommit.commits(passed("content_block_start", "{\"type\":\"content_block_start\","
                + "\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}"))).isFalse();
        assertThat(MessagesCommit.commits(passed("content_block_start", "{\"type\":\"content_block_start\","
                + "\"index\":0,\"content_block\":{\"type\":\"thinking\",\"thinking\":\"\",\"signature\":\"\"}}")))
                .isFalse();
        assertThat(MessagesCommit.commits(new PingEvent())).isFalse();
        assertThat(MessagesCommit.commits(new ContentBlockStartEvent(0, new TextContent("")))).isFalse();
        assertThat(MessagesCommit.commits(new ContentBlockStartEvent(0, new ThinkingContent("", "")))).isFalse();
    }

    @Test
    void contentAToolCallOrAnEndCommits() {
        assertThat(MessagesCommit.commits(passed("content_block_delta", "{\"type\":\"content_block_delta\","
                + "\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"Hi\"}}"))).isTrue();
        assertThat(MessagesCommit.commits(passed("content_block_start", "{\"type\":\"content_block_start\","
                + "\"index\":0,\"content_block\":{\"type\":\"tool_use\",\"id\":\"t\",\"name\":\"f\",\"input\":{}}}")))
                .isTrue();
        assertThat(MessagesCommit.commits(passed("message_delta", "{\"type\":\"message_delta\"}"))).isTrue();
        assertThat(MessagesCommit.commits(passed("content_block_start", "not json"))).isTrue();
        assertThat(MessagesCommit.commits(new ContentBlockStartEvent(0, new TextContent("Hi")))).isTrue();
        assertThat(MessagesCommit.commits(new ContentBlockStartEvent(0,
                new ToolUseContent("t", "f", MessagesJson.NODES.objectNode())))).isTrue();
        assertThat(MessagesCommit.commits(new MessageStopEvent())).isTrue();
    }

    private static PassedThroughEvent passed(String type, String data) {
        return new PassedThroughEvent(new AnthropicMessagesEvent(type, data, null));
    }
}
