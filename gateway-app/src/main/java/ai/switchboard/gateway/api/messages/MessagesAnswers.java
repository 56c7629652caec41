package ai.switchboard.gateway.api.messages;

import ai.switchboard.gateway.api.messages.wire.ErrorEvent;
import ai.switchboard.gateway.api.messages.wire.MessagesEvent;
import ai.switchboard.gateway.api.messages.wire.PassedThroughEvent;
import ai.switchboard.gateway.cache.AnswerFormat;
import ai.switchboard.providers.api.AnthropicMessagesEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The response cache's view of {@code /v1/messages}: the whole message, as an Anthropic upstream or the translation
 * answered it. Only a turn that ended on its own ({@code end_turn}, {@code stop_sequence}) or to call tools is stored;
 * never one cut at {@code max_tokens}, refused, or paused ({@code pause_turn}), which a retry could well answer
 * otherwise. A stored message is told again as a stream with the events the translated stream has, in its order:
 * {@code message_start}, then each block's start (the first followed by a {@code ping}), one delta with all its content
 * and its stop, then {@code message_delta} with the stop reason and usage, and {@code message_stop}.
 */
final class MessagesAnswers implements AnswerFormat<MessagesReply, MessagesEvent> {

    static final MessagesAnswers INSTANCE = new MessagesAnswers();

    private static final Set<String> COMPLETE = Set.of("end_turn", "stop_sequence", "tool_use");
    /** The blocks a replay can tell again exactly; an answer with others (server tools, citations) is not stored. */
    private static final Set<String> REPLAYABLE = Set.of("text", "tool_use", "thinking", "redacted_thinking");

    private MessagesAnswers() {
    }

    @Override
    public byte[] storable(MessagesReply reply) {
        JsonNode message = reply.body() instanceof JsonNode json ? json : MessagesJson.MAPPER.valueToTree(reply.body());
        return storable(message);
    }

    private static byte[] storable(JsonNode message) {
        if (!COMPLETE.contains(message.path("stop_reason").asString(""))) {
            return null;
        }
        for (JsonNode block : message.path("content")) {
            if (!REPLAYABLE.contains(block.path("type").asString(""))
                    || block.has("citations") && !block.get("citations").isNull()
                    && !block.get("citations").isEmpty()) {
                return null;
            }
        }
        return MessagesJson.MAPPER.writeValueAsBytes(message);
    }

    @Override
    public MessagesReply read(byte[] stored) {
        return new MessagesReply(MessagesJson.MAPPER.readTree(stored), null);
    }

    @Override
    public Flux<MessagesEvent> replay(byte[] stored) {
        ObjectNode message = (ObjectNode) MessagesJson.MAPPER.readTree(stored);
        List<MessagesEvent> events = new ArrayList<>();
        ObjectNode usage = message.path("usage") instanceof ObjectNode whole ? whole : MessagesJson.NODES.objectNode();
        ObjectNode opening = message.deepCopy();
        opening.putArray("content");
        opening.putNull("stop_reason");
        opening.putNull("stop_sequence");
        opening.set("usage", usage.deepCopy().put("output_tokens", 0));
        events.add(event("message_start", MessagesJson.NODES.objectNode().set("message", opening)));
        int index = 0;
        for (JsonNode block : message.path("content")) {
            block(index++, (ObjectNode) block, events);
        }
        ObjectNode delta = MessagesJson.NODES.objectNode();
        delta.set("stop_reason", message.path("stop_reason"));
        delta.set("stop_sequence", message.has("stop_sequence") ? message.get("stop_sequence")
                : MessagesJson.NODES.nullNode());
        ObjectNode messageDelta = MessagesJson.NODES.objectNode();
        messageDelta.set("delta", delta);
        messageDelta.set("usage", usage);
        events.add(event("message_delta", messageDelta));
        events.add(event("message_stop", MessagesJson.NODES.objectNode()));
        return Flux.fromIterable(events);
    }

    private static void block(int index, ObjectNode block, List<MessagesEvent> events) {
        ObjectNode start = block.deepCopy();
        JsonNode delta = null;
        JsonNode signature = null;
        switch (block.path("type").asString("")) {
            case "text" -> {
                start.put("text", "");
                delta = MessagesJson.NODES.objectNode().put("type", "text_delta")
                        .put("text", block.path("text").asString(""));
            }
            case "tool_use" -> {
                start.putObject("input");
                delta = MessagesJson.NODES.objectNode().put("type", "input_json_delta")
                        .put("partial_json", MessagesJson.MAPPER.writeValueAsString(block.path("input")));
            }
            case "thinking" -> {
                start.put("thinking", "").put("signature", "");
                delta = MessagesJson.NODES.objectNode().put("type", "thinking_delta")
                        .put("thinking", block.path("thinking").asString(""));
                String signed = block.path("signature").asString("");
                signature = signed.isEmpty() ? null
                        : MessagesJson.NODES.objectNode().put("type", "signature_delta").put("signature", signed);
            }
            default -> {
                // redacted_thinking: whole in its start, as Anthropic sends it.
            }
        }
        ObjectNode started = MessagesJson.NODES.objectNode().put("index", index);
        started.set("content_block", start);
        events.add(event("content_block_start", started));
        if (index == 0) {
            events.add(event("ping", MessagesJson.NODES.objectNode()));
        }
        for (JsonNode each : new JsonNode[] {delta, signature}) {
            if (each != null) {
                ObjectNode deltaEvent = MessagesJson.NODES.objectNode().put("index", index);
                deltaEvent.set("delta", each);
                events.add(event("content_block_delta", deltaEvent));
            }
        }
        events.add(event("content_block_stop", MessagesJson.NODES.objectNode().put("index", index)));
    }

    /** An event of the replay, written as an Anthropic upstream's would be: its JSON, {@code type} first. */
    private static MessagesEvent event(String type, ObjectNode body) {
        ObjectNode json = MessagesJson.NODES.objectNode().put("type", type);
        json.setAll(body);
        return new PassedThroughEvent(new AnthropicMessagesEvent(type, MessagesJson.MAPPER.writeValueAsString(json),
                null));
    }

    @Override
    public Recorder<MessagesEvent> recorder() {
        return new MessageRecorder();
    }

    /** Puts a stream's events back together as the message they amount to, from their JSON whatever their source. */
    private static final class MessageRecorder implements Recorder<MessagesEvent> {

        private ObjectNode message;
        private final TreeMap<Integer, ObjectNode> blocks = new TreeMap<>();
        private final TreeMap<Integer, StringBuilder> inputs = new TreeMap<>();
        private boolean stopped;
        private boolean unstorable;

        @Override
        public void add(MessagesEvent event) {
            if (unstorable) {
                return;
            }
            if (event instanceof ErrorEvent) {
                unstorable = true;
                return;
            }
            JsonNode json = event instanceof PassedThroughEvent passed
                    ? MessagesJson.MAPPER.readTree(passed.upstream().data())
                    : MessagesJson.MAPPER.valueToTree(event);
            int index = json.path("index").asInt(-1);
            switch (event.type()) {
                case "message_start" -> {
                    if (json.get("message") instanceof ObjectNode started) {
                        message = started.deepCopy();
                        blocks.clear();
                        inputs.clear();
                    }
                }
                case "content_block_start" -> {
                    if (json.get("content_block") instanceof ObjectNode block) {
                        blocks.put(index, block.deepCopy());
                    }
                }
                case "content_block_delta" -> delta(blocks.get(index), index, json.path("delta"));
                case "content_block_stop" -> {
                    StringBuilder streamed = inputs.remove(index);
                    ObjectNode block = blocks.get(index);
                    if (streamed != null && block != null) {
                        switch (block.path("type").asString("")) {
                            case "tool_use" -> block.set("input", streamed.isEmpty()
                                    ? MessagesJson.NODES.objectNode()
                                    : MessagesJson.MAPPER.readTree(streamed.toString()));
                            case "thinking" -> block.put("thinking", streamed.toString());
                            default -> block.put("text", streamed.toString());
                        }
                    }
                }
                case "message_delta" -> {
                    if (message != null) {
                        json.path("delta").properties().forEach(field -> message.set(field.getKey(),
                                field.getValue()));
                        if (json.get("usage") instanceof ObjectNode usage) {
                            ObjectNode merged = message.path("usage") instanceof ObjectNode known ? known
                                    : message.putObject("usage");
                            merged.setAll(usage);
                        }
                    }
                }
                case "message_stop" -> stopped = true;
                case "ping" -> {
                }
                default -> unstorable = true;
            }
        }

        private void delta(ObjectNode block, int index, JsonNode delta) {
            if (block == null) {
                unstorable = true;
                return;
            }
            switch (delta.path("type").asString("")) {
                case "text_delta" -> streamed(index, block, "text").append(delta.path("text").asString(""));
                case "thinking_delta" -> streamed(index, block, "thinking")
                        .append(delta.path("thinking").asString(""));
                case "signature_delta" -> block.put("signature", delta.path("signature").asString(""));
                case "input_json_delta" -> streamed(index, block, "input")
                        .append(delta.path("partial_json").asString(""));
                default -> unstorable = true;
            }
        }

        /** What the deltas of one block add up to, from what its start already held; put in place at its stop. */
        private StringBuilder streamed(int index, ObjectNode block, String field) {
            return inputs.computeIfAbsent(index, i -> new StringBuilder(
                    block.path(field).isString() ? block.path(field).asString() : ""));
        }

        @Override
        public byte[] whole() {
            if (unstorable || !stopped || message == null) {
                return null;
            }
            message.set("content", MessagesJson.NODES.arrayNode().addAll(blocks.values()));
            return storable(message);
        }
    }
}
