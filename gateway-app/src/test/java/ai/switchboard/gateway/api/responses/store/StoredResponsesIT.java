package ai.switchboard.gateway.api.responses.store;

import static org.assertj.core.api.Assertions.assertThat;

import ai.switchboard.gateway.api.error.ApiException;
import ai.switchboard.gateway.api.responses.ResponseIds;
import ai.switchboard.gateway.api.responses.wire.FunctionCallItem;
import ai.switchboard.gateway.api.responses.wire.MessageItem;
import ai.switchboard.gateway.api.responses.wire.OutputText;
import ai.switchboard.gateway.api.responses.wire.ReasoningOptions;
import ai.switchboard.gateway.api.responses.wire.ResponseItem;
import ai.switchboard.gateway.api.responses.wire.ResponseObject;
import ai.switchboard.gateway.testsupport.MovableClock;
import ai.switchboard.providers.json.WireJson;
import com.openai.core.ObjectMappers;
import com.openai.models.responses.inputitems.ResponseItemList;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/** Stored responses on the real PostgreSQL: ownership, continuation, paging, deletion and retention. */
class StoredResponsesIT {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Scheduler SCHEDULER = Schedulers.newBoundedElastic(2, 100, "stored-responses-test");

    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-01T10:00:00Z"));
    private final StoredResponsesProperties properties = new StoredResponsesProperties();
    private StoredResponses store;
    private ResponseOwner owner;

    @BeforeEach
    void setUp() {
        properties.setRetention(Duration.ofDays(30));
        store = new StoredResponses(StoreDatabase.store(), SCHEDULER, clock, properties);
        owner = ResponseOwner.key(UUID.randomUUID());
    }

    @AfterAll
    static void stop() {
        SCHEDULER.dispose();
    }

    @Test
    void onlyTheCreatingKeyOrItsTeamSeesAResponseAndNothingRunsOnTheCallersThread() {
        UUID team = UUID.randomUUID();
        ResponseOwner teamOwner = new ResponseOwner(UUID.randomUUID(), team);
        ResponseObject response = response(null, "Hello");
        save(teamOwner, response, List.of(userMessage("hi")));

        StepVerifier.create(store.find(teamOwner, response.id()).map(found -> Thread.currentThread().getName()))
                .assertNext(thread -> assertThat(thread).startsWith("stored-responses-test"))
                .verifyComplete();
        assertThat(store.find(teamOwner, response.id()).block(WAIT).path("output").get(0).path("content").get(0)
                .path("text").asString()).isEqualTo("Hello");
        assertThat(store.find(new ResponseOwner(UUID.randomUUID(), team), response.id()).block(WAIT)).isNotNull();
        assertThat(store.find(owner, response.id()).block(WAIT)).isNull();
        assertThat(store.find(ResponseOwner.key(teamOwner.keyId()), "resp_missing").block(WAIT)).isNull();
        assertThat(store.delete(owner, response.id()).block(WAIT)).isFalse();
    }

    @Test
    void aContinuationRebuildsEveryTurnsInputThenOutputOldestFirst() {
        ResponseObject first = response(null, "Paris is sunny.", call("call_1", "weather"));
        save(owner, first, List.of(userMessage("weather in Paris?")));
        ResponseObject second = response(first.id(), "Done.");
        save(owner, second, List.of(JsonNodeFactory.instance.objectNode().put("type", "function_call_output")
                .put("call_id", "call_1").put("output", "sunny")));
        ResponseObject third = response(second.id(), "Bye.");
        save(owner, third, List.of(userMessage("thanks")));

        List<ResponseItem> conversation = store.conversation(owner, third.id()).block(WAIT);

        assertThat(conversation).extracting(ResponseItem::type).containsExactly("message", "message",
                "function_call", "function_call_output", "message", "message", "message");
        MessageItem question = (MessageItem) conversation.getFirst();
        assertThat(question.id()).startsWith("msg_");
        assertThat(question.content().get(0).path("text").asString()).isEqualTo("weather in Paris?");
        assertThat(((FunctionCallItem) conversation.get(2)).callId()).isEqualTo("call_1");
        assertThat(((MessageItem) conversation.getLast()).content().get(0).path("text").asString()).isEqualTo("Bye.");

        StepVerifier.create(store.conversation(ResponseOwner.key(UUID.randomUUID()), third.id()))
                .expectErrorSatisfies(error -> {
                    assertThat(((ApiException) error).status()).isEqualTo(404);
                    assertThat(((ApiException) error).param()).isEqualTo("previous_response_id");
                })
                .verify(WAIT);
    }

    @Test
    void inputItemsArePagedByCursorNewestFirstByDefaultAndTheSdkReadsThePage() throws Exception {
        List<JsonNode> input = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            input.add(userMessage("m" + i));
        }
        ResponseObject response = response(null, "ok");
        save(owner, response, input);

        InputItemsPage newest = store.inputItems(owner, response.id(), null, 2, "desc").block(WAIT);
        assertThat(texts(newest)).containsExactly("m4", "m3");
        assertThat(newest.hasMore()).isTrue();
        InputItemsPage next = store.inputItems(owner, response.id(), newest.lastId(), 2, "desc").block(WAIT);
        assertThat(texts(next)).containsExactly("m2", "m1");
        InputItemsPage last = store.inputItems(owner, response.id(), next.lastId(), 2, "desc").block(WAIT);
        assertThat(texts(last)).containsExactly("m0");
        assertThat(last.hasMore()).isFalse();
        InputItemsPage oldest = store.inputItems(owner, response.id(), null, 20, "asc").block(WAIT);
        assertThat(texts(oldest)).containsExactly("m0", "m1", "m2", "m3", "m4");
        assertThat(oldest.firstId()).isEqualTo(oldest.data().getFirst().path("id").asString());

        ResponseItemList sdk = ObjectMappers.jsonMapper().readValue(WireJson.mapper().writeValueAsString(oldest),
                ResponseItemList.class).validate();
        assertThat(sdk.data()).hasSize(5);
        assertThat(sdk.data().getFirst().asResponseInputMessageItem().content().getFirst().asInputText().text()).isEqualTo("m0");

        StepVerifier.create(store.inputItems(owner, response.id(), "msg_nope", 2, "desc"))
                .expectErrorSatisfies(error -> assertThat(((ApiException) error).param()).isEqualTo("after"))
                .verify(WAIT);
        StepVerifier.create(store.inputItems(ResponseOwner.key(UUID.randomUUID()), response.id(), null, 2, "desc"))
                .expectErrorSatisfies(error -> assertThat(((ApiException) error).status()).isEqualTo(404))
                .verify(WAIT);
    }

    @Test
    void deletingRemovesTheResponseAndItsItems() {
        ResponseObject response = response(null, "x");
        save(owner, response, List.of(userMessage("q")));
        String itemId = store.inputItems(owner, response.id(), null, 1, "asc").block(WAIT).firstId();
        assertThat(store.items(owner, List.of(itemId)).block(WAIT)).hasSize(1);
        assertThat(store.items(ResponseOwner.key(UUID.randomUUID()), List.of(itemId)).block(WAIT)).isEmpty();

        assertThat(store.delete(owner, response.id()).block(WAIT)).isTrue();

        assertThat(store.find(owner, response.id()).block(WAIT)).isNull();
        assertThat(store.items(owner, List.of(itemId)).block(WAIT)).isEmpty();
        assertThat(store.delete(owner, response.id()).block(WAIT)).isFalse();
    }

    @Test
    void responsesPastTheirRetentionVanishAndAreDeletedInBatches() {
        properties.setCleanupBatchSize(2);
        properties.setRetention(Duration.ofHours(1));
        List<ResponseObject> expiring = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ResponseObject response = response(null, "old " + i);
            save(owner, response, List.of(userMessage("q")));
            expiring.add(response);
        }
        clock.advance(Duration.ofMinutes(59));
        ResponseObject fresh = response(null, "new");
        save(owner, fresh, List.of(userMessage("q")));
        clock.advance(Duration.ofMinutes(2));

        assertThat(store.find(owner, expiring.getFirst().id()).block(WAIT)).isNull();
        assertThat(store.find(owner, fresh.id()).block(WAIT)).isNotNull();
        StoredResponseCleanup cleanup = new StoredResponseCleanup(StoreDatabase.store(), clock, properties);
        assertThat(cleanup.deleteExpired()).isGreaterThanOrEqualTo(5);
        assertThat(cleanup.deleteExpired()).isZero();
        assertThat(store.find(owner, fresh.id()).block(WAIT)).isNotNull();
        Integer left = new org.springframework.jdbc.core.JdbcTemplate(StoreDatabase.pool()).queryForObject(
                "SELECT count(*) FROM stored_response_item WHERE response_id = ?", Integer.class,
                expiring.getFirst().id());
        assertThat(left).isZero();
    }

    @Test
    void aStoredResponseNeverShowsItsContentInText() {
        StoredResponse stored = new StoredResponse("resp_1", owner, null, "m", "completed", Instant.EPOCH,
                Instant.EPOCH, WireJson.mapper().readTree("{\"secret\":\"the user's words\"}"),
                List.of(userMessage("the user's words")), List.of());

        assertThat(stored.toString()).doesNotContain("the user's words");
        assertThat(InputItemsPage.of(List.of(userMessage("the user's words")), false).toString())
                .doesNotContain("the user's words");
    }

    private void save(ResponseOwner by, ResponseObject response, List<JsonNode> input) {
        store.save(by, response, input).block(WAIT);
    }

    private ResponseObject response(String previous, String text, ResponseItem... more) {
        List<ResponseItem> output = new ArrayList<>();
        output.add(MessageItem.assistant(ResponseIds.message(), "completed", List.of(OutputText.of(text))));
        output.addAll(List.of(more));
        return new ResponseObject(ResponseIds.response(), "response", clock.instant().getEpochSecond(), "completed",
                null, null, "Be brief.", null, "m", output, true, previous, new ReasoningOptions(null, null, null),
                true, 1.0, null, null, JsonNodeFactory.instance.arrayNode(), 1.0, "disabled", null, null,
                JsonNodeFactory.instance.objectNode(), null);
    }

    private static ResponseItem call(String callId, String name) {
        return FunctionCallItem.of(ResponseIds.functionCall(), callId, name, null, "{}", "completed");
    }

    private static JsonNode userMessage(String text) {
        return JsonNodeFactory.instance.objectNode().put("role", "user").put("content", text);
    }

    private static List<String> texts(InputItemsPage page) {
        return page.data().stream().map(item -> item.path("content").get(0).path("text").asString()).toList();
    }
}
