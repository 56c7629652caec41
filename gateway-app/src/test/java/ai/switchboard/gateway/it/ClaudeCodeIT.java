package ai.switchboard.gateway.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import ai.switchboard.providers.anthropic.AnthropicWireFixture;
import ai.switchboard.providers.testsupport.kit.StreamTranscript;
import ai.switchboard.providers.testsupport.kit.UpstreamFinish;
import ai.switchboard.providers.testsupport.kit.UpstreamReply;
import ai.switchboard.providers.testsupport.kit.UpstreamToolCall;
import ai.switchboard.providers.testsupport.kit.UpstreamUsage;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Claude Code itself ({@code @anthropic-ai/claude-code} from npm, pinned in {@code src/test/claude-code}), run as a
 * user runs it with {@code claude -p}, pointed at the gateway by {@code ANTHROPIC_BASE_URL} with a Switchboard key in
 * {@code ANTHROPIC_API_KEY} (sent as {@code x-api-key}), against a model on a scripted OpenAI-type upstream: the
 * upstream asks for Claude Code's {@code Read} tool, Claude Code runs it and sends the file back, and the upstream's
 * final answer is what {@code claude -p} prints. The whole turn crosses the gateway's translation both ways, streamed;
 * and again against an Anthropic-type upstream, passed through.
 */
class ClaudeCodeIT extends GatewayIT {

    private static final Path PACKAGE = Path.of("src/test/claude-code").toAbsolutePath();
    private static final Path CLAUDE = PACKAGE.resolve("node_modules/.bin/claude");
    private static final String CALL_ID = "call_read_notes";
    private static final String TOOL_USE_ID = "toolu_read_notes";
    private static final String SECRET = "the-blue-heron-flies-at-dawn";

    @TempDir
    Path work;

    @Test
    void claudeCodeDoesAToolCallingTurnThroughTheGateway() throws Exception {
        ensureInstalled();
        String prefix = unique("claude-code");
        String model = prefix + "-m";
        String key = fixtures.chatModel(model, prefix + "-p", upstreamBase(prefix), "gpt-4o-mini");
        Path notes = work.resolve("notes.txt");
        Files.writeString(notes, "The password is " + SECRET + ".\n");
        String chat = "/" + prefix + "/v1/chat/completions";
        // Second leg: the tool's result came back, so the upstream answers with text.
        UPSTREAM.stubFor(post(urlPathEqualTo(chat)).atPriority(1)
                .withRequestBody(containing("\"tool_call_id\":\"" + CALL_ID + "\""))
                .willReturn(sse(List.of(UpstreamBodies.roleChunk("gpt-4o-mini"),
                        UpstreamBodies.textChunk("gpt-4o-mini", "The notes say the password is " + SECRET, null),
                        UpstreamBodies.textChunk("gpt-4o-mini", null, "stop"),
                        UpstreamBodies.usageChunk("gpt-4o-mini")))));
        // First leg: the upstream calls Claude Code's Read tool on the notes.
        String arguments = "{\\\"file_path\\\":\\\"" + notes + "\\\"}";
        UPSTREAM.stubFor(post(urlPathEqualTo(chat)).atPriority(5)
                .willReturn(sse(List.of(UpstreamBodies.roleChunk("gpt-4o-mini"),
                        UpstreamBodies.toolChunk("gpt-4o-mini", "{\"index\":0,\"id\":\"" + CALL_ID
                                + "\",\"type\":\"function\",\"function\":{\"name\":\"Read\",\"arguments\":\""
                                + arguments + "\"}}"),
                        UpstreamBodies.textChunk("gpt-4o-mini", null, "tool_calls"),
                        UpstreamBodies.usageChunk("gpt-4o-mini")))));

        String output = runClaude(model, key);

        List<LoggedRequest> sent = UPSTREAM.findAll(anyRequestedFor(urlPathMatching("/" + prefix + "/.*")));
        String described = describe(output, sent);
        assertThat(output).as(described).contains("The notes say the password is " + SECRET);
        // The tool ran in Claude Code and its result came back through the gateway as the upstream's tool message.
        assertThat(sent).as(described).anySatisfy(request -> assertThat(request.getBodyAsString())
                .contains("\"tool_call_id\":\"" + CALL_ID + "\"").contains(SECRET));
        assertThat(sent.getFirst().getBodyAsString()).as("Claude Code's tools, translated")
                .contains("\"name\":\"Read\"");
    }

    /**
     * The same turn against an Anthropic-type upstream: Claude Code's requests pass through natively (its betas and
     * fields intact) and the upstream's events come back byte for byte.
     */
    @Test
    void claudeCodeDoesAToolCallingTurnThroughTheGatewayToAnAnthropicUpstream() throws Exception {
        ensureInstalled();
        String prefix = unique("claude-code-native");
        String model = prefix + "-m";
        fixtures.provider(Map.of("name", prefix + "-p", "type", "anthropic", "base_url",
                UPSTREAM.baseUrl() + "/" + prefix, "api_key", "sk-ant-test-upstream-not-real"));
        fixtures.model(model, prefix + "-p", "claude-sonnet-4-5", "chat", "streaming", "tools");
        String key = fixtures.key(prefix + "-k", model);
        Path notes = work.resolve("notes.txt");
        Files.writeString(notes, "The password is " + SECRET + ".\n");
        String messages = "/" + prefix + "/v1/messages";
        UpstreamUsage usage = new UpstreamUsage(40, 9, 0);
        StreamTranscript answer = AnthropicWireFixture.transcript(UpstreamReply.text(UpstreamFinish.STOP, usage,
                "The notes say the password is ", SECRET), "claude-sonnet-4-5");
        UPSTREAM.stubFor(post(urlPathEqualTo(messages)).atPriority(1)
                .withRequestBody(containing("\"tool_use_id\":\"" + TOOL_USE_ID + "\""))
                .willReturn(aResponse().withHeader("Content-Type", answer.contentType()).withBody(answer.body())));
        StreamTranscript toolUse = AnthropicWireFixture.transcript(UpstreamReply.tools(usage, List.of(),
                new UpstreamToolCall(TOOL_USE_ID, "Read", List.of("{\"file_path\":", "\"" + notes + "\"}"))),
                "claude-sonnet-4-5");
        UPSTREAM.stubFor(post(urlPathEqualTo(messages)).atPriority(5)
                .willReturn(aResponse().withHeader("Content-Type", toolUse.contentType()).withBody(toolUse.body())));

        String output = runClaude(model, key);

        List<LoggedRequest> sent = UPSTREAM.findAll(anyRequestedFor(urlPathMatching("/" + prefix + "/.*")));
        String described = describe(output, sent);
        assertThat(output).as(described).contains("The notes say the password is " + SECRET);
        assertThat(sent).as(described).anySatisfy(request -> assertThat(request.getBodyAsString())
                .contains("\"tool_use_id\":\"" + TOOL_USE_ID + "\"").contains(SECRET));
        LoggedRequest first = sent.getFirst();
        assertThat(first.getHeader("anthropic-beta")).as("Claude Code's betas, forwarded").isNotBlank();
        assertThat(first.getHeader("x-api-key")).isEqualTo("sk-ant-test-upstream-not-real");
        assertThat(first.getBodyAsString()).contains("\"model\":\"claude-sonnet-4-5\"").contains("\"name\":\"Read\"");
    }

    /** Runs one {@code claude -p} turn in the work directory and returns what it printed; it must exit 0. */
    private String runClaude(String model, String key) throws IOException, InterruptedException {
        ProcessBuilder command = new ProcessBuilder(CLAUDE.toString(), "-p", "What does notes.txt say?",
                "--model", model, "--allowedTools", "Read", "--max-turns", "4", "--output-format", "text")
                .directory(work.toFile())
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("claude.log").toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        environment(command.environment(), key);
        Process claude = command.start();
        boolean ended = claude.waitFor(150, TimeUnit.SECONDS);
        if (!ended) {
            claude.destroyForcibly();
        }
        String output = Files.readString(work.resolve("claude.log"), StandardCharsets.UTF_8);
        assertThat(ended).as("claude -p ended; it said:\n%s", output).isTrue();
        assertThat(claude.exitValue()).as("claude -p exit status; it said:\n%s", output).isZero();
        return output;
    }

    private static String describe(String output, List<LoggedRequest> sent) {
        return "claude said:\n" + output + "\nupstream got:\n" + sent.stream()
                .map(request -> request.getUrl() + " " + abbreviate(request.getBodyAsString()))
                .collect(Collectors.joining("\n"));
    }

    private void environment(Map<String, String> env, String key) {
        // Only what a user would set, and nothing from this machine's own Claude Code configuration.
        env.keySet().removeIf(name -> name.startsWith("ANTHROPIC_") || name.startsWith("CLAUDE_"));
        env.put("HOME", work.toString());
        env.put("ANTHROPIC_BASE_URL", "http://localhost:" + port);
        env.put("ANTHROPIC_API_KEY", key);
        env.put("CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC", "1");
        env.put("DISABLE_AUTOUPDATER", "1");
        env.put("DISABLE_TELEMETRY", "1");
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder sse(List<String> chunks) {
        return aResponse().withHeader("Content-Type", "text/event-stream").withBody(UpstreamBodies.sse(chunks, true));
    }

    private static String abbreviate(String text) {
        return text.length() <= 600 ? text : text.substring(0, 600) + "...";
    }

    /** Installs the pinned Claude Code once per clone ({@code npm ci}); Node.js and npm must be on the PATH. */
    private static synchronized void ensureInstalled() throws IOException, InterruptedException {
        if (Files.isExecutable(CLAUDE)) {
            return;
        }
        Path log = Path.of("target/claude-code-npm-ci.log").toAbsolutePath();
        Files.createDirectories(log.getParent());
        Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund").directory(PACKAGE.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!npm.waitFor(5, TimeUnit.MINUTES) || npm.exitValue() != 0) {
            npm.destroyForcibly();
            throw new IllegalStateException("npm ci failed in " + PACKAGE + "; see " + log);
        }
    }
}
