package ai.switchboard.bench.mock;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The bytes of one mock answer, rendered once so that serving a request costs a buffer duplicate, not JSON
 * serialization. Buffers are unreleasable: Netty may write them any number of times.
 *
 * @param json the whole {@code chat.completion} body
 * @param events the stream's SSE events in order: role, content chunks, finish, then {@code [DONE]}
 * @param usageEvent the usage chunk, sent before {@code [DONE]} only when the client asked with
 *     {@code stream_options.include_usage}
 * @param eventsWithUsage all events including the usage chunk, in one buffer, for unpaced streams
 * @param eventsWithoutUsage all events without the usage chunk, in one buffer, for unpaced streams
 */
record CannedResponses(ByteBuf json, List<ByteBuf> events, ByteBuf usageEvent, ByteBuf eventsWithUsage,
        ByteBuf eventsWithoutUsage) {

    private static final String ID = "chatcmpl-mock0000000000000000000000";
    private static final long CREATED = 1_735_689_600L;
    private static final String MODEL = "mock-model";
    private static final String WORDS = "lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod ";

    static CannedResponses render(MockSettings settings) {
        String content = content(settings.contentBytes());
        int completionTokens = Math.max(1, settings.contentBytes() / 4);
        String usage = "{\"prompt_tokens\":20,\"completion_tokens\":" + completionTokens + ",\"total_tokens\":"
                + (20 + completionTokens) + "}";
        String json = "{\"id\":\"" + ID + "\",\"object\":\"chat.completion\",\"created\":" + CREATED
                + ",\"model\":\"" + MODEL + "\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
                + "\"content\":\"" + content + "\"},\"logprobs\":null,\"finish_reason\":\"stop\"}],\"usage\":"
                + usage + "}";

        List<String> events = new ArrayList<>();
        events.add(chunk("{\"role\":\"assistant\",\"content\":\"\"}", "null", "null"));
        int chunks = settings.chunks();
        for (int i = 0; i < chunks; i++) {
            // Split the content evenly; the last chunk takes the remainder.
            int from = (int) ((long) content.length() * i / chunks);
            int to = (int) ((long) content.length() * (i + 1) / chunks);
            events.add(chunk("{\"content\":\"" + content.substring(from, to) + "\"}", "null", "null"));
        }
        events.add(chunk("{}", "\"stop\"", "null"));
        String usageEvent = "data: {\"id\":\"" + ID + "\",\"object\":\"chat.completion.chunk\",\"created\":" + CREATED
                + ",\"model\":\"" + MODEL + "\",\"choices\":[],\"usage\":" + usage + "}\n\n";
        String done = "data: [DONE]\n\n";

        List<ByteBuf> rendered = new ArrayList<>(events.size() + 1);
        events.forEach(event -> rendered.add(bytes(event)));
        rendered.add(bytes(done));
        String all = String.join("", events);
        return new CannedResponses(bytes(json), List.copyOf(rendered), bytes(usageEvent),
                bytes(all + usageEvent + done), bytes(all + done));
    }

    private static String chunk(String delta, String finishReason, String usage) {
        return "data: {\"id\":\"" + ID + "\",\"object\":\"chat.completion.chunk\",\"created\":" + CREATED
                + ",\"model\":\"" + MODEL + "\",\"choices\":[{\"index\":0,\"delta\":" + delta
                + ",\"logprobs\":null,\"finish_reason\":" + finishReason + "}],\"usage\":" + usage + "}\n\n";
    }

    private static String content(int bytes) {
        StringBuilder text = new StringBuilder(bytes);
        while (text.length() < bytes) {
            text.append(WORDS, 0, Math.min(WORDS.length(), bytes - text.length()));
        }
        return text.toString();
    }

    private static ByteBuf bytes(String text) {
        byte[] raw = text.getBytes(StandardCharsets.UTF_8);
        return Unpooled.unreleasableBuffer(Unpooled.directBuffer(raw.length).writeBytes(raw).asReadOnly());
    }
}
