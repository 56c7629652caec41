package ai.switchboard.bench.replay.provider;

import static org.assertj.core.api.Assertions.assertThat;

import ai.switchboard.bench.replay.record.JsonLines;
import ai.switchboard.bench.replay.record.JudgeVerdict;
import ai.switchboard.bench.replay.record.ModelAnswer;
import ai.switchboard.bench.replay.record.ReplayDataset;
import ai.switchboard.bench.replay.record.ReplayItem;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.netty.DisposableServer;
import reactor.netty.resources.LoopResources;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class ReplayProviderTests {

    private static final String QUESTION = "How many legs\n  do  three ducks have?";
    private static final String STRONG_ANSWER = "Three ducks have 3 * 2 = 6 legs. ✓ 🦆";
    private static final String WEAK_ANSWER = "Ducks have four legs, so 12.";
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private static LoopResources loops;
    private static DisposableServer server;
    private static ReplayProvider provider;

    @BeforeAll
    static void start() {
        ReplayItem item = new ReplayItem("q1", QUESTION, Map.of(
                "strong", ModelAnswer.of(STRONG_ANSWER, 1),
                "weak", new ModelAnswer(WEAK_ANSWER, 0, 321, 7, false)));
        ReplayDataset dataset = new ReplayDataset("ducks", "strong", "weak", List.of(item), 1);
        List<JudgeVerdict> verdicts = List.of(
                new JudgeVerdict("judge", QUESTION, WEAK_ANSWER, 2),
                new JudgeVerdict("judge", QUESTION, "12.", 9));
        provider = new ReplayProvider(ReplayBook.of(List.of(dataset)), JudgeBook.of(verdicts));
        loops = LoopResources.create("replay-test", 1, true);
        server = provider.start("127.0.0.1", 0, loops);
    }

    @AfterAll
    static void stop() {
        server.disposeNow(Duration.ofSeconds(2));
        loops.disposeLater(Duration.ZERO, Duration.ofSeconds(2)).block(Duration.ofSeconds(5));
    }

    @Test
    void answersWithTheRecordedTextOfTheRequestedModelWhateverTheWhitespace() throws Exception {
        HttpResponse<String> response = post(chat("strong", " How many legs do three\tducks have? ", false));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = JsonLines.MAPPER.readTree(response.body());
        assertThat(body.path("model").asString()).isEqualTo("strong");
        assertThat(body.path("choices").path(0).path("message").path("content").asString()).isEqualTo(STRONG_ANSWER);
        assertThat(body.path("choices").path(0).path("finish_reason").asString()).isEqualTo("stop");
        // No recorded counts: counted with cl100k over what was sent (framing included) and what was answered.
        assertThat(body.path("usage").path("prompt_tokens").asInt())
                .isEqualTo(TokenCounter.prompt(List.of(" How many legs do three\tducks have? ")));
        assertThat(body.path("usage").path("completion_tokens").asInt()).isEqualTo(TokenCounter.count(STRONG_ANSWER));
    }

    @Test
    void billsTheRecordedTokenCountsWhereTheRecordingHasThem() throws Exception {
        JsonNode body = JsonLines.MAPPER.readTree(post(chat("weak", QUESTION, false)).body());

        assertThat(body.path("choices").path(0).path("message").path("content").asString()).isEqualTo(WEAK_ANSWER);
        assertThat(body.path("usage").path("prompt_tokens").asInt()).isEqualTo(321);
        assertThat(body.path("usage").path("completion_tokens").asInt()).isEqualTo(7);
        assertThat(body.path("usage").path("total_tokens").asInt()).isEqualTo(328);
    }

    @Test
    void streamsTheSameAnswerInChunksWithUsageOnlyWhenAsked() throws Exception {
        ObjectNode request = chat("strong", QUESTION, true);
        HttpResponse<String> plain = post(request);
        request.putObject("stream_options").put("include_usage", true);
        HttpResponse<String> withUsage = post(request);

        assertThat(plain.headers().firstValue("content-type")).hasValue("text/event-stream");
        List<JsonNode> plainEvents = events(plain.body());
        List<JsonNode> usageEvents = events(withUsage.body());
        assertThat(plain.body()).endsWith("data: [DONE]\n\n");
        assertThat(content(plainEvents)).isEqualTo(STRONG_ANSWER);
        assertThat(content(usageEvents)).isEqualTo(STRONG_ANSWER);
        assertThat(plainEvents).noneMatch(event -> event.has("usage"));
        JsonNode usage = usageEvents.get(usageEvents.size() - 1);
        assertThat(usage.path("choices").isEmpty()).isTrue();
        assertThat(usage.path("usage").path("completion_tokens").asInt()).isEqualTo(TokenCounter.count(STRONG_ANSWER));
        assertThat(plainEvents.get(0).path("choices").path(0).path("delta").path("role").asString())
                .isEqualTo("assistant");
        assertThat(plainEvents).filteredOn(event -> "stop".equals(event.path("choices").path(0)
                .path("finish_reason").asString(null))).hasSize(1);
    }

    @Test
    void refusesAndCountsAPromptOrModelItHasNoRecordingFor() throws Exception {
        long before = misses("strong") + misses("nobody");

        HttpResponse<String> unknownPrompt = post(chat("strong", "How many legs do four ducks have?", false));
        HttpResponse<String> unknownModel = post(chat("nobody", QUESTION, false));

        assertThat(unknownPrompt.statusCode()).isEqualTo(400);
        assertThat(JsonLines.MAPPER.readTree(unknownPrompt.body()).path("error").path("code").asString())
                .isEqualTo("replay_miss");
        assertThat(unknownModel.statusCode()).isEqualTo(400);
        assertThat(misses("strong") + misses("nobody")).isEqualTo(before + 2);
    }

    @Test
    void answersAJudgeWithTheScoreRecordedForTheAnswerItQuotes() throws Exception {
        // The gateway's own wording around the question and answer: the match is by content, not by wording.
        String judgeRequest = "Question:\n" + QUESTION + "\n\nAnswer:\n" + WEAK_ANSWER;
        ObjectNode request = chat("judge", judgeRequest, false);
        ((tools.jackson.databind.node.ArrayNode) request.path("messages")).insertObject(0).put("role", "system")
                .put("content", "Rate the answer from 0 to 10. Reply with the number only.");

        JsonNode body = JsonLines.MAPPER.readTree(post(request).body());

        // Both recorded answers appear in the request ("12." inside WEAK_ANSWER); the longest, fullest match wins.
        assertThat(body.path("choices").path(0).path("message").path("content").asString()).isEqualTo("2");
        assertThat(body.path("usage").path("prompt_tokens").asInt()).isEqualTo(TokenCounter.prompt(List.of(
                "Rate the answer from 0 to 10. Reply with the number only.", judgeRequest)));
        assertThat(post(chat("judge", "Question:\n" + QUESTION + "\n\nAnswer:\nsomething else", false)).statusCode())
                .isEqualTo(400);
    }

    @Test
    void refusesABodyThatIsNotAChatRequest() throws Exception {
        HttpRequest notJson = HttpRequest.newBuilder(uri("/v1/chat/completions"))
                .POST(HttpRequest.BodyPublishers.ofString("{not json")).build();
        HttpRequest noMessages = HttpRequest.newBuilder(uri("/v1/chat/completions"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"strong\"}")).build();

        assertThat(CLIENT.send(notJson, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(400);
        assertThat(CLIENT.send(noMessages, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(400);
        assertThat(CLIENT.send(HttpRequest.newBuilder(uri("/v1/embeddings")).POST(HttpRequest.BodyPublishers
                .ofString("{}")).build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(404);
    }

    @Test
    void reportsWhatItServedPerModel() throws Exception {
        long before = provider.ledger().snapshot().getOrDefault("weak", new CallLedger.ModelCalls(0, 0, 0, 0))
                .promptTokens();

        post(chat("weak", QUESTION, false));
        JsonNode stats = JsonLines.MAPPER.readTree(CLIENT.send(HttpRequest.newBuilder(uri("/replay/stats")).build(),
                HttpResponse.BodyHandlers.ofString()).body());

        assertThat(stats.path("weak").path("promptTokens").asLong()).isEqualTo(before + 321);
    }

    private static long misses(String model) {
        CallLedger.ModelCalls calls = provider.ledger().snapshot().get(model);
        return calls == null ? 0 : calls.misses();
    }

    private static ObjectNode chat(String model, String prompt, boolean stream) {
        ObjectNode request = JsonLines.MAPPER.createObjectNode().put("model", model).put("stream", stream);
        request.putArray("messages").addObject().put("role", "user").put("content", prompt);
        return request;
    }

    private static HttpResponse<String> post(ObjectNode body) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(uri("/v1/chat/completions"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    private static List<JsonNode> events(String body) {
        List<JsonNode> events = new ArrayList<>();
        for (String block : body.split("\n\n")) {
            String data = block.strip().substring("data: ".length());
            if (!data.equals("[DONE]")) {
                events.add(JsonLines.MAPPER.readTree(data));
            }
        }
        return events;
    }

    private static String content(List<JsonNode> events) {
        StringBuilder text = new StringBuilder();
        events.forEach(event -> text.append(event.path("choices").path(0).path("delta").path("content").asString("")));
        return text.toString();
    }
}
