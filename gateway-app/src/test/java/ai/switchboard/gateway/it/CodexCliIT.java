package ai.switchboard.gateway.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.switchboard.gateway.it.flavour.ProviderFlavour;
import ai.switchboard.gateway.it.flavour.ProviderFlavours;
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
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Codex CLI itself ({@code @openai/codex} from npm, pinned in {@code src/test/codex}), run as a user runs it with
 * {@code codex exec}, configured as README shows: a {@code model_providers} entry whose {@code base_url} is the
 * gateway's {@code /v1}, {@code wire_api = "responses"}, and the Switchboard key in the environment variable its
 * {@code env_key} names. The scripted upstream asks for Codex's {@code exec_command} tool on a file in the workspace,
 * Codex runs it and sends the output back in a {@code function_call_output}, and the upstream's final answer is what
 * Codex prints. Every request carries what Codex always sends (a {@code namespace} tool, the hosted
 * {@code web_search} tool, {@code store: false} with {@code include: ["reasoning.encrypted_content"]}, developer
 * messages): on a translated path they must arrive translated, on the native path passed through.
 *
 * <p>Codex runs without its sandbox ({@code --sandbox danger-full-access}), in a temporary workspace: its Linux
 * sandbox (bubblewrap) needs user namespaces that a CI container's seccomp profile may refuse, and the only command
 * it runs is the one the scripted upstream asks for. It cannot reach the internet: plugin sync, apps, analytics and
 * feedback are switched off in its configuration ({@code --strict-config} fails on a key this version does not
 * know), and its proxy is a {@link RefusingProxy} that must have seen no connection at the end.
 */
class CodexCliIT extends GatewayIT {

    private static final Path PACKAGE = Path.of("src/test/codex").toAbsolutePath();
    private static final Path CODEX = PACKAGE.resolve("node_modules/.bin/codex");
    private static final String CALL_ID = "call_codex_cat_notes";
    private static final String SECRET = "the-grey-owl-hunts-at-dusk";
    private static final String ANSWER = "The notes say the password is " + SECRET;
    private static final String COMMAND = "{\"cmd\":\"cat notes.txt\"}";
    private static final UpstreamUsage USAGE = new UpstreamUsage(120, 9, 0);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path work;

    @Autowired
    JdbcTemplate jdbc;

    /**
     * A provider without the Responses API: Codex's requests are translated to the provider's own format, its
     * namespaced tools flattened, its hosted {@code web_search} left out, its developer messages kept as
     * instructions; the stream that comes back is translated to Responses events.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"anthropic", "gemini"})
    void codexDoesAToolCallingTurnThroughATranslatedProvider(String type) throws Exception {
        ensureInstalled();
        ProviderFlavour flavour = ProviderFlavours.all().stream().filter(candidate -> candidate.type().equals(type))
                .findFirst().orElseThrow();
        String prefix = unique("codex-" + type);
        fixtures.provider(Map.of("name", prefix + "-p", "type", type, "base_url",
                flavour.baseUrl(UPSTREAM.baseUrl(), prefix), "api_key", flavour.apiKey(), "settings",
                flavour.settings()));
        fixtures.model(prefix + "-m", prefix + "-p", flavour.upstreamModel(), "chat", "streaming", "tools");
        String key = fixtures.key(prefix + "-k", prefix + "-m");
        StreamTranscript toolCall = flavour.streamTranscript(UpstreamReply.tools(USAGE, List.of(),
                new UpstreamToolCall(CALL_ID, "exec_command", List.of("{\"cmd\":", "\"cat notes.txt\"}"))));
        StreamTranscript answer = flavour.streamTranscript(UpstreamReply.text(UpstreamFinish.STOP, USAGE,
                "The notes say ", "the password is " + SECRET));
        UPSTREAM.stubFor(flavour.chatCall(prefix, true).inScenario(prefix).whenScenarioStateIs(STARTED)
                .willSetStateTo("ran").willReturn(aResponse().withHeader("Content-Type", toolCall.contentType())
                        .withBody(toolCall.body())));
        UPSTREAM.stubFor(flavour.chatCall(prefix, true).inScenario(prefix).whenScenarioStateIs("ran")
                .willReturn(aResponse().withHeader("Content-Type", answer.contentType()).withBody(answer.body())));

        CodexRun run = runCodex(prefix + "-m", key);

        List<LoggedRequest> sent = sent(prefix);
        String described = run.describe(sent);
        assertThat(run.stdout()).as(described).contains(ANSWER);
        assertThat(sent).as(described).hasSize(2);
        String first = sent.getFirst().getBodyAsString();
        assertThat(first).as("Codex's namespaced tools, flattened").contains("multi_agent_v1__");
        assertThat(first).as("Codex's own tools").contains("exec_command");
        assertThat(first).as("Codex's developer messages, as instructions")
                .contains("You are a coding agent running in the Codex CLI");
        assertThat(first).as("the hosted web_search tool, left out").doesNotContain("web_search");
        assertThat(sent.getLast().getBodyAsString()).as("the command's output, back at the upstream")
                .contains(CALL_ID).contains(SECRET);
        assertLedger(prefix + "-m", USAGE.promptTokens(), USAGE.completionTokens());
        assertThat(run.proxied()).as("connections Codex tried to open past the gateway").isEmpty();
    }

    /**
     * OpenAI itself speaks the Responses API: Codex's requests reach it as Codex sent them (model id rewritten), and
     * its events come back to Codex under the gateway's response id.
     */
    @Test
    void codexDoesAToolCallingTurnThroughTheNativeOpenAiProvider() throws Exception {
        ensureInstalled();
        String prefix = unique("codex-native");
        fixtures.provider(prefix + "-p", upstreamBase(prefix));
        fixtures.model(prefix + "-m", prefix + "-p", "gpt-4o-mini", "chat", "streaming", "tools");
        String key = fixtures.key(prefix + "-k", prefix + "-m");
        String responses = "/" + prefix + "/v1/responses";
        UPSTREAM.stubFor(post(urlPathEqualTo(responses)).inScenario(prefix).whenScenarioStateIs(STARTED)
                .willSetStateTo("ran").willReturn(aResponse().withHeader("Content-Type", "text/event-stream")
                        .withBody(NativeResponsesStreams.functionCall("resp_up_1", CALL_ID, "exec_command",
                                COMMAND))));
        UPSTREAM.stubFor(post(urlPathEqualTo(responses)).inScenario(prefix).whenScenarioStateIs("ran")
                .willReturn(aResponse().withHeader("Content-Type", "text/event-stream")
                        .withBody(NativeResponsesStreams.text("resp_up_2", ANSWER))));

        CodexRun run = runCodex(prefix + "-m", key);

        List<LoggedRequest> sent = sent(prefix);
        String described = run.describe(sent);
        assertThat(run.stdout()).as(described).contains(ANSWER);
        assertThat(sent).as(described).hasSize(2);
        JsonNode first = JSON.readTree(sent.getFirst().getBodyAsString());
        assertThat(first.path("model").asString()).isEqualTo("gpt-4o-mini");
        assertThat(first.path("stream").asBoolean()).isTrue();
        assertThat(first.path("store").asBoolean(true)).isFalse();
        assertThat(first.path("include").toString()).contains("reasoning.encrypted_content");
        assertThat(values(first.path("tools"), "type")).contains("function", "namespace", "web_search");
        assertThat(values(first.path("input"), "role")).contains("developer", "user");
        JsonNode last = JSON.readTree(sent.getLast().getBodyAsString());
        assertThat(last.has("previous_response_id")).as("Codex keeps its own conversation").isFalse();
        JsonNode output = StreamSupport.stream(last.path("input").spliterator(), false)
                .filter(item -> "function_call_output".equals(item.path("type").asString()))
                .findFirst().orElseThrow(() -> new AssertionError("no function_call_output in " + last));
        assertThat(output.path("call_id").asString()).isEqualTo(CALL_ID);
        assertThat(output.path("output").toString()).contains(SECRET);
        assertLedger(prefix + "-m", 120, 9);
        assertThat(run.proxied()).as("connections Codex tried to open past the gateway").isEmpty();
    }

    /** What one {@code codex exec} printed on each stream, and the connections its proxy saw. */
    private record CodexRun(String stdout, String stderr, List<String> proxied) {

        String describe(List<LoggedRequest> sent) {
            return "codex printed:\n" + stdout + "\ncodex logged:\n" + stderr + "\nupstream got:\n" + sent.stream()
                    .map(request -> request.getUrl() + " " + abbreviate(request.getBodyAsString()))
                    .collect(Collectors.joining("\n"));
        }
    }

    /** Runs one {@code codex exec} turn in a fresh workspace holding notes.txt; it must exit 0 within two minutes. */
    private CodexRun runCodex(String model, String key) throws IOException, InterruptedException {
        Path workspace = Files.createDirectories(work.resolve("workspace"));
        Files.writeString(workspace.resolve("notes.txt"), "The password is " + SECRET + ".\n");
        Path home = Files.createDirectories(work.resolve("codex-home"));
        Files.writeString(home.resolve("config.toml"), config(model));
        Path stdout = work.resolve("codex.out");
        Path stderr = work.resolve("codex.err");
        try (RefusingProxy proxy = new RefusingProxy()) {
            ProcessBuilder command = new ProcessBuilder(CODEX.toString(), "exec", "--strict-config",
                    "--skip-git-repo-check", "--sandbox", "danger-full-access", "--color", "never",
                    "--cd", workspace.toString(), "Use exec_command to read notes.txt, then tell me what it says.")
                    .directory(workspace.toFile())
                    .redirectOutput(stdout.toFile())
                    .redirectError(stderr.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            environment(command.environment(), home, key, proxy.url());
            Process codex = command.start();
            boolean ended = codex.waitFor(120, TimeUnit.SECONDS);
            if (!ended) {
                codex.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            CodexRun run = new CodexRun(Files.readString(stdout, StandardCharsets.UTF_8),
                    Files.readString(stderr, StandardCharsets.UTF_8), proxy.attempts());
            assertThat(ended).as("codex exec ended; %s", run.describe(List.of())).isTrue();
            assertThat(codex.exitValue()).as("codex exec's exit status; %s", run.describe(List.of())).isZero();
            return run;
        }
    }

    /** The configuration a user writes to point Codex at Switchboard (README), plus what keeps a test offline. */
    private String config(String model) {
        return """
                model = "%s"
                model_provider = "switchboard"
                check_for_update_on_startup = false

                [model_providers.switchboard]
                name = "Switchboard"
                base_url = "http://localhost:%d/v1"
                wire_api = "responses"
                env_key = "SWITCHBOARD_API_KEY"
                # A failure must fail the test at once, not after Codex's retries and back-off.
                request_max_retries = 0
                stream_max_retries = 0
                stream_idle_timeout_ms = 30000

                [features]
                # Each syncs a catalog from github.com or chatgpt.com at start-up.
                plugins = false
                remote_plugin = false
                apps = false

                [analytics]
                enabled = false

                [feedback]
                enabled = false
                """.formatted(model, port);
    }

    private static void environment(Map<String, String> env, Path home, String key, String proxy) {
        // Only what the test sets, and nothing from this machine's own Codex or OpenAI configuration.
        env.keySet().removeIf(name -> name.startsWith("OPENAI_") || name.startsWith("CODEX_")
                || name.toLowerCase(Locale.ROOT).endsWith("_proxy"));
        env.put("HOME", home.getParent().toString());
        env.put("CODEX_HOME", home.toString());
        env.put("SWITCHBOARD_API_KEY", key);
        for (String name : List.of("HTTPS_PROXY", "HTTP_PROXY", "ALL_PROXY", "https_proxy", "http_proxy",
                "all_proxy")) {
            env.put(name, proxy);
        }
        env.put("NO_PROXY", "localhost,127.0.0.1");
        env.put("no_proxy", "localhost,127.0.0.1");
    }

    /**
     * The gateway's ledger has one row per turn (a Responses turn is a GenAI {@code chat} operation), served, with
     * the upstream's token counts: Codex hangs up as soon as it has read {@code response.completed}, which is no
     * cancel.
     */
    private void assertLedger(String model, long inputTokens, long outputTokens) {
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(jdbc.queryForList(
                "SELECT operation, status, input_tokens, output_tokens FROM usage_ledger WHERE model = ?", model))
                .hasSize(2)
                .allSatisfy(row -> assertThat(row)
                        .containsEntry("operation", "chat")
                        .containsEntry("status", 200)
                        .containsEntry("input_tokens", inputTokens)
                        .containsEntry("output_tokens", outputTokens)));
    }

    private static List<LoggedRequest> sent(String prefix) {
        return UPSTREAM.findAll(anyRequestedFor(urlPathMatching("/" + prefix + "/.*")));
    }

    private static List<String> values(JsonNode array, String field) {
        return StreamSupport.stream(array.spliterator(), false).map(item -> item.path(field).asString(""))
                .toList();
    }

    private static String abbreviate(String text) {
        return text.length() <= 600 ? text : text.substring(0, 600) + "...";
    }

    /** Installs the pinned Codex once per clone ({@code npm ci}); Node.js and npm must be on the PATH. */
    private static synchronized void ensureInstalled() throws IOException, InterruptedException {
        if (Files.isExecutable(CODEX)) {
            return;
        }
        Path log = Path.of("target/codex-npm-ci.log").toAbsolutePath();
        Files.createDirectories(log.getParent());
        Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund").directory(PACKAGE.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!npm.waitFor(5, TimeUnit.MINUTES) || npm.exitValue() != 0) {
            npm.destroyForcibly();
            throw new IllegalStateException("npm ci failed in " + PACKAGE + "; see " + log);
        }
    }
}
