package ai.switchboard.gateway.api.messages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ai.switchboard.providers.api.ChatMessage;
import ai.switchboard.providers.api.ChatRequest;
import ai.switchboard.providers.api.ErrorType;
import ai.switchboard.providers.api.ProviderException;
import ai.switchboard.providers.api.ToolDefinition;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/** Messages requests translated for providers that do not speak the Messages API. */
class MessagesToChatTests {

    @Test
    void toolRoundTripWithImagesDocumentsAndThinkingMatchesItsGoldenTranslation() {
        MessagesTranslation translation = MessagesToChat.translate(
                MessagesBodies.valid(MessagesBodies.resource("tool-round-trip-request.json")));

        assertThat(MessagesBodies.json(translation.chat()))
                .isEqualTo(MessagesBodies.json(MessagesBodies.resource("tool-round-trip-chat.json")));
        assertThat(translation.droppedTools()).containsExactly("web_search");
        assertThat(translation.reply().stopSequences()).containsExactly("###");
        assertThat(translation.reply().thinkingShown()).isTrue();
    }

    @Test
    void claudeCodesRequestKeepsItsConversationToolsAndEffortAndDropsWhatOthersCannotUse() {
        MessagesTranslation translation = MessagesToChat.translate(
                MessagesBodies.valid(MessagesBodies.resource("claude-code-request.json")));
        ChatRequest chat = translation.chat();

        assertThat(chat.model()).isEqualTo("claude-sonnet-4-6");
        assertThat(chat.isStream()).isTrue();
        assertThat(chat.maxCompletionTokens()).isEqualTo(32000);
        assertThat(chat.maxTokens()).isNull();
        assertThat(chat.tools()).hasSize(12).extracting(ToolDefinition::name).startsWith("Task", "Bash", "Glob")
                .endsWith("KillShell");
        assertThat(chat.tools().get(1).parameters().get("required").get(0).asString()).isEqualTo("command");
        assertThat(chat.extra()).containsOnlyKeys("reasoning_effort");
        assertThat(chat.extra().get("reasoning_effort").asString()).isEqualTo("high");
        // The user id is a JSON document longer than providers take as a user: its SHA-256 stands in for it.
        assertThat(chat.user()).hasSize(64).matches("[0-9a-f]{64}");
        assertThat(translation.reply().thinkingShown()).isFalse();
        assertThat(translation.droppedTools()).isEmpty();

        List<ChatMessage> messages = chat.messages();
        assertThat(messages).extracting(ChatMessage::role)
                .containsExactly("system", "user", "assistant", "tool", "tool", "user");
        assertThat(messages.get(0).text()).isEqualTo("x-anthropic-billing-header: cc_version=2.1.332; "
                + "cc_entrypoint=cli\n\nYou are Claude Code, Anthropic's official CLI for Claude.\n\n"
                + "You are an interactive CLI tool that helps users with software engineering tasks.");
        assertThat(messages.get(1).parts()).hasSize(2);
        assertThat(messages.get(2).text()).isEqualTo("Let me look.");
        assertThat(messages.get(2).toolCalls()).extracting(call -> call.function().arguments())
                .containsExactly("{\"pattern\":\"src/**\"}", "{\"file_path\":\"/repo/README.md\"}");
        assertThat(messages.get(3).toolCallId()).isEqualTo("toolu_01Glob");
        assertThat(messages.get(4).text()).isEqualTo("# Demo\nA demo project.");
        assertThat(messages.get(5).text()).isEqualTo("Thanks.");
        JsonNode written = MessagesBodies.json(chat);
        assertThat(written.has("context_management") || written.has("output_config") || written.has("thinking")
                || written.has("metadata") || written.has("top_k")).isFalse();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "{\"type\":\"auto\"}|\"auto\"|-",
        "{\"type\":\"any\"}|\"required\"|-",
        "{\"type\":\"none\"}|\"none\"|-",
        "{\"type\":\"tool\",\"name\":\"f\"}|{\"type\":\"function\",\"function\":{\"name\":\"f\"}}|-",
        "{\"type\":\"any\",\"disable_parallel_tool_use\":true}|\"required\"|false",
        "{\"type\":\"tool\",\"name\":\"web_search\"}|-|-",
    })
    void toolChoices(String choice, String expected, Boolean parallel) {
        ChatRequest chat = MessagesToChat.translate(MessagesBodies.valid("{\"model\":\"m\",\"max_tokens\":5,"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"tools\":[{\"name\":\"f\",\"input_schema\":"
                + "{\"type\":\"object\"}},{\"type\":\"web_search_20250305\",\"name\":\"web_search\"}],\"tool_choice\":"
                + choice + "}")).chat();

        assertThat(chat.toolChoice()).isEqualTo(expected == null ? null : MessagesBodies.json(expected));
        assertThat(chat.parallelToolCalls()).isEqualTo(parallel);
        assertThat(chat.tools()).extracting(ToolDefinition::name).containsExactly("f");
    }

    @Test
    void systemMessagesAmongTheTurnsStayWhereTheyAre() {
        // Claude Code 2.1.332 sends its reminders as a system message after the first user turn.
        MessagesTranslation translation = MessagesToChat.translate(MessagesBodies.valid("{\"model\":\"m\","
                + "\"max_tokens\":5,\"system\":\"Be brief.\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"},"
                + "{\"role\":\"system\",\"content\":[{\"type\":\"text\",\"text\":\"Today is Monday.\","
                + "\"cache_control\":{\"type\":\"ephemeral\"}},{\"type\":\"text\",\"text\":\"Reply in French.\"}]},"
                + "{\"role\":\"assistant\",\"content\":\"Bonjour.\"},{\"role\":\"system\",\"content\":\"Go on.\"},"
                + "{\"role\":\"user\",\"content\":\"and?\"}]}"));

        List<ChatMessage> messages = translation.chat().messages();
        assertThat(messages).extracting(ChatMessage::role)
                .containsExactly("system", "user", "system", "assistant", "system", "user");
        assertThat(messages.get(2).text()).isEqualTo("Today is Monday.\n\nReply in French.");
        assertThat(messages.get(4).text()).isEqualTo("Go on.");
    }

    @Test
    void onlyServerToolsLeaveNoToolsAndNoToolChoice() {
        MessagesTranslation translation = MessagesToChat.translate(MessagesBodies.valid("{\"model\":\"m\","
                + "\"max_tokens\":5,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"tools\":["
                + "{\"type\":\"web_search_20250305\",\"name\":\"web_search\"},{\"type\":\"bash_20250124\","
                + "\"name\":\"bash\"},{\"type\":\"text_editor_20250728\",\"name\":\"str_replace_based_edit_tool\"}],"
                + "\"tool_choice\":{\"type\":\"any\"}}"));

        assertThat(translation.chat().tools()).isNull();
        assertThat(translation.chat().toolChoice()).isNull();
        assertThat(translation.droppedTools()).containsExactly("web_search", "bash", "str_replace_based_edit_tool");
    }

    @ParameterizedTest(name = "thinking {0}, output_config {1} -> {2}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "{\"type\":\"enabled\",\"budget_tokens\":1024}|-|low",
        "{\"type\":\"enabled\",\"budget_tokens\":3999}|-|low",
        "{\"type\":\"enabled\",\"budget_tokens\":4000}|-|medium",
        "{\"type\":\"enabled\",\"budget_tokens\":15999}|-|medium",
        "{\"type\":\"enabled\",\"budget_tokens\":16000}|-|high",
        "{\"type\":\"enabled\",\"budget_tokens\":1024}|{\"effort\":\"high\"}|high",
        "{\"type\":\"adaptive\"}|-|-",
        "{\"type\":\"adaptive\",\"display\":\"omitted\"}|{\"effort\":\"medium\"}|medium",
        "-|{\"effort\":\"low\"}|low",
        "-|{\"effort\":\"xhigh\"}|xhigh",
        "-|{\"effort\":\"max\"}|xhigh",
        "-|{\"effort\":\"turbo\"}|-",
        "{\"type\":\"disabled\"}|{\"effort\":\"high\"}|-",
    })
    void reasoningEffort(String thinking, String outputConfig, String expected) {
        assertThat(MessagesToChat.reasoningEffort(thinking == null ? null : MessagesBodies.json(thinking),
                outputConfig == null ? null : MessagesBodies.json(outputConfig))).isEqualTo(expected);
    }

    @Test
    void structuredOutputBecomesAStrictJsonSchemaFormat() {
        ChatRequest chat = MessagesToChat.translate(MessagesBodies.valid("{\"model\":\"m\",\"max_tokens\":5,"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"output_config\":{\"format\":"
                + "{\"type\":\"json_schema\",\"schema\":{\"type\":\"object\"}}}}")).chat();

        assertThat(MessagesBodies.json(chat.responseFormat())).isEqualTo(MessagesBodies.json("{\"type\":\"json_schema\","
                + "\"json_schema\":{\"name\":\"output\",\"schema\":{\"type\":\"object\"},\"strict\":true}}"));
    }

    @Test
    void shortUserIdsPassAsTheyAreAndLongOnesAsTheirHash() {
        assertThat(MessagesToChat.user(MessagesBodies.json("{\"user_id\":\"user-42\"}"))).isEqualTo("user-42");
        // sha256("u" x 65), as `printf 'u%.0s' {1..65} | sha256sum` prints it
        assertThat(MessagesToChat.user(MessagesBodies.json("{\"user_id\":\"" + "u".repeat(65) + "\"}")))
                .isEqualTo("f20e249d15fa4b9f44ba21d154f62e1efa76ddfdce5d25139a33a4787cee5a8b");
        assertThat(MessagesToChat.user(MessagesBodies.json("{}"))).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "an image by file id|{\"type\":\"image\",\"source\":{\"type\":\"file\",\"file_id\":\"file_1\"}}"
                + "|messages[0].content[0].source",
        "a document by URL|{\"type\":\"document\",\"source\":{\"type\":\"url\",\"url\":\"https://x/a.pdf\"}}"
                + "|messages[0].content[0].source",
    })
    void contentOnlyAnthropicCanResolveIsUnsupported(String description, String block, String param) {
        MessagesRequest request = MessagesBodies.valid("{\"model\":\"m\",\"max_tokens\":5,\"messages\":[{\"role\":"
                + "\"user\",\"content\":[" + block + "]}]}");

        ProviderException refused = catchThrowableOfType(ProviderException.class,
                () -> MessagesToChat.translate(request));

        assertThat(refused.type()).isEqualTo(ErrorType.UNSUPPORTED);
        assertThat(refused.param()).isEqualTo(param);
    }

    @Test
    void documentsAsTextAndSearchResultsBecomeText() {
        ChatRequest chat = MessagesToChat.translate(MessagesBodies.valid("""
                {"model":"m","max_tokens":5,"messages":[{"role":"user","content":[
                 {"type":"document","source":{"type":"text","media_type":"text/plain","data":"plain"}},
                 {"type":"document","source":{"type":"content","content":[{"type":"text","text":"a"}]}},
                 {"type":"search_result","source":"https://x","title":"T","content":[{"type":"text","text":"r"}]}]}]}
                """)).chat();

        assertThat(chat.messages().getFirst().parts()).extracting(part -> part.text())
                .containsExactly("plain", "a", "T\nhttps://x\nr");
    }
}
