package ai.switchboard.gateway.api.responses;

import ai.switchboard.gateway.api.responses.wire.OutputRefusal;
import ai.switchboard.gateway.api.responses.wire.OutputText;
import ai.switchboard.gateway.api.responses.wire.ReasoningText;
import ai.switchboard.gateway.api.responses.wire.ResponseItem;
import ai.switchboard.gateway.api.responses.wire.ResponseItems;
import ai.switchboard.gateway.api.responses.wire.ResponseLifecycleEvent;
import ai.switchboard.gateway.api.responses.wire.ResponseObject;
import ai.switchboard.gateway.api.responses.wire.ResponsesEvent;
import ai.switchboard.gateway.cache.AnswerFormat;
import ai.switchboard.providers.json.WireJson;
import java.util.ArrayList;
import java.util.List;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The response cache's view of one {@code /v1/responses} turn. Only a {@code completed} response without a refusal is
 * stored (never an incomplete or failed one). A stored response is this turn's once it has this turn's id, creation time and caller,
 * and fresh item ids: the gateway stores every response under its id, and item references must name one item. As a
 * stream it is told again with the events a translated stream has, in the same order, each whole.
 */
final class ResponsesAnswers implements AnswerFormat<ObjectNode, Object> {

    private final ResponseObject skeleton;

    ResponsesAnswers(ResponseObject skeleton) {
        this.skeleton = skeleton;
    }

    @Override
    public byte[] storable(ObjectNode response) {
        if (!ResponseObject.COMPLETED.equals(response.path("status").asString(""))) {
            return null;
        }
        for (JsonNode item : response.path("output")) {
            for (JsonNode part : item.path("content")) {
                if (OutputRefusal.TYPE.equals(part.path("type").asString(""))) {
                    // A refusal is as likely to be answered otherwise on a retry as a cut answer is.
                    return null;
                }
            }
        }
        return WireJson.mapper().writeValueAsBytes(response);
    }

    @Override
    public ObjectNode read(byte[] stored) {
        ObjectNode response = (ObjectNode) WireJson.mapper().readTree(stored);
        response.put("id", skeleton.id());
        response.put("created_at", skeleton.createdAt());
        if (skeleton.user() != null) {
            response.put("user", skeleton.user());
        } else {
            response.remove("user");
        }
        for (JsonNode item : response.path("output")) {
            if (item instanceof ObjectNode object && object.has("id")) {
                object.put("id", switch (object.path("type").asString("")) {
                    case ResponseItem.FUNCTION_CALL -> ResponseIds.functionCall();
                    case ResponseItem.REASONING -> ResponseIds.reasoning();
                    default -> ResponseIds.message();
                });
            }
        }
        return response;
    }

    @Override
    public Flux<Object> replay(byte[] stored) {
        ObjectNode response = read(stored);
        Events events = new Events();
        ObjectNode opening = (ObjectNode) ResponseItems.json(skeleton);
        events.lifecycle(ResponsesEvent.CREATED, opening);
        events.lifecycle(ResponsesEvent.IN_PROGRESS, opening);
        int index = 0;
        for (JsonNode item : response.path("output")) {
            events.item((ObjectNode) item, index++);
        }
        events.lifecycle(ResponsesEvent.COMPLETED, response);
        return Flux.fromIterable(events.all);
    }

    @Override
    public Recorder<Object> recorder() {
        return new Recorder<>() {
            private ObjectNode completed;

            @Override
            public void add(Object event) {
                if (event instanceof ResponseLifecycleEvent lifecycle
                        && ResponsesEvent.COMPLETED.equals(lifecycle.type())) {
                    completed = (ObjectNode) ResponseItems.json(lifecycle.response());
                } else if (event instanceof ObjectNode json
                        && ResponsesEvent.COMPLETED.equals(ResponsesEventWriter.typeOf(json))
                        && json.get("response") instanceof ObjectNode response) {
                    completed = response;
                }
            }

            @Override
            public byte[] whole() {
                return completed == null ? null : storable(completed);
            }
        };
    }

    /** The events of a replay, numbered as a stream numbers them. */
    private static final class Events {

        private final List<Object> all = new ArrayList<>();

        void lifecycle(String type, ObjectNode response) {
            event(type).set("response", response);
        }

        void item(ObjectNode item, int outputIndex) {
            String id = item.path("id").asString(null);
            String type = item.path("type").asString("");
            ObjectNode opened = item.deepCopy().put("status", ResponseObject.IN_PROGRESS);
            switch (type) {
                case ResponseItem.MESSAGE, ResponseItem.REASONING -> {
                    opened.putArray("content");
                    event(ResponsesEvent.OUTPUT_ITEM_ADDED).put("output_index", outputIndex).set("item", opened);
                    int contentIndex = 0;
                    for (JsonNode part : item.path("content")) {
                        part(id, outputIndex, contentIndex++, part);
                    }
                }
                case ResponseItem.FUNCTION_CALL -> {
                    opened.put("arguments", "");
                    event(ResponsesEvent.OUTPUT_ITEM_ADDED).put("output_index", outputIndex).set("item", opened);
                    String arguments = item.path("arguments").asString("");
                    located(ResponsesEvent.FUNCTION_CALL_ARGUMENTS_DELTA, id, outputIndex).put("delta", arguments);
                    located(ResponsesEvent.FUNCTION_CALL_ARGUMENTS_DONE, id, outputIndex).put("arguments", arguments);
                }
                default -> event(ResponsesEvent.OUTPUT_ITEM_ADDED).put("output_index", outputIndex)
                        .set("item", opened);
            }
            event(ResponsesEvent.OUTPUT_ITEM_DONE).put("output_index", outputIndex).set("item", item);
        }

        private void part(String itemId, int outputIndex, int contentIndex, JsonNode part) {
            String type = part.path("type").asString("");
            switch (type) {
                case OutputText.TYPE -> {
                    String text = part.path("text").asString("");
                    partEvent(ResponsesEvent.CONTENT_PART_ADDED, itemId, outputIndex, contentIndex,
                            ResponseItems.json(OutputText.of("")));
                    partLocated(ResponsesEvent.OUTPUT_TEXT_DELTA, itemId, outputIndex, contentIndex)
                            .put("delta", text).putArray("logprobs");
                    partLocated(ResponsesEvent.OUTPUT_TEXT_DONE, itemId, outputIndex, contentIndex)
                            .put("text", text).putArray("logprobs");
                }
                case OutputRefusal.TYPE -> {
                    String refusal = part.path("refusal").asString("");
                    partEvent(ResponsesEvent.CONTENT_PART_ADDED, itemId, outputIndex, contentIndex,
                            ResponseItems.json(OutputRefusal.of("")));
                    partLocated(ResponsesEvent.REFUSAL_DELTA, itemId, outputIndex, contentIndex)
                            .put("delta", refusal);
                    partLocated(ResponsesEvent.REFUSAL_DONE, itemId, outputIndex, contentIndex)
                            .put("refusal", refusal);
                }
                case "reasoning_text" -> {
                    String text = part.path("text").asString("");
                    partEvent(ResponsesEvent.CONTENT_PART_ADDED, itemId, outputIndex, contentIndex,
                            ResponseItems.json(ReasoningText.reasoning("")));
                    partLocated(ResponsesEvent.REASONING_TEXT_DELTA, itemId, outputIndex, contentIndex)
                            .put("delta", text);
                    partLocated(ResponsesEvent.REASONING_TEXT_DONE, itemId, outputIndex, contentIndex)
                            .put("text", text);
                }
                default -> partEvent(ResponsesEvent.CONTENT_PART_ADDED, itemId, outputIndex, contentIndex, part);
            }
            partEvent(ResponsesEvent.CONTENT_PART_DONE, itemId, outputIndex, contentIndex, part);
        }

        private void partEvent(String type, String itemId, int outputIndex, int contentIndex, JsonNode part) {
            partLocated(type, itemId, outputIndex, contentIndex).set("part", part);
        }

        private ObjectNode partLocated(String type, String itemId, int outputIndex, int contentIndex) {
            return located(type, itemId, outputIndex).put("content_index", contentIndex);
        }

        private ObjectNode located(String type, String itemId, int outputIndex) {
            return event(type).put("item_id", itemId).put("output_index", outputIndex);
        }

        private ObjectNode event(String type) {
            ObjectNode event = WireJson.mapper().createObjectNode().put("type", type)
                    .put("sequence_number", all.size());
            all.add(event);
            return event;
        }
    }
}
