package ai.switchboard.bench.jmh;

import ai.switchboard.providers.api.ProviderEndpoint;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/** Realistic inputs shared by the benchmarks. */
final class Fixtures {

    private Fixtures() {
    }

    /** A typical SDK chat request: system + a short exchange + one tool, about 1 KB. */
    static final byte[] CHAT_REQUEST = ("""
            {"model":"gpt-4o-mini","messages":[
              {"role":"system","content":"You are a helpful assistant for an online shop. Answer briefly."},
              {"role":"user","content":"Where is my order 12345? It was supposed to arrive yesterday."},
              {"role":"assistant","content":null,"tool_calls":[{"id":"call_1","type":"function",
                "function":{"name":"order_status","arguments":"{\\"order_id\\":\\"12345\\"}"}}]},
              {"role":"tool","tool_call_id":"call_1","content":"{\\"status\\":\\"in transit\\",\\"eta\\":\\"tomorrow\\"}"},
              {"role":"user","content":[{"type":"text","text":"Can you also tell me the carrier?"}]}],
             "tools":[{"type":"function","function":{"name":"order_status","description":"Looks up an order",
               "parameters":{"type":"object","properties":{"order_id":{"type":"string"}},"required":["order_id"]}}}],
             "temperature":0.3,"max_tokens":256,"stream":true,"stream_options":{"include_usage":true},"user":"u-42"}
            """).getBytes(StandardCharsets.UTF_8);

    static ProviderEndpoint endpoint(String name, String type) {
        return new ProviderEndpoint(name, type, URI.create("http://127.0.0.1:1/v1"), "sk-upstream", Map.of(),
                Duration.ofSeconds(5), Duration.ofSeconds(60), Map.of(), 1);
    }

    /** An Anthropic stream for a 20-token answer, as the data lines of its events. */
    static String[] anthropicStream(int tokens) {
        String[] events = new String[tokens + 5];
        int i = 0;
        events[i++] = """
                {"type":"message_start","message":{"id":"msg_01","type":"message","role":"assistant","content":[],\
                "model":"claude-sonnet-4-5","stop_reason":null,"stop_sequence":null,\
                "usage":{"input_tokens":25,"output_tokens":1}}}""";
        events[i++] = "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}";
        for (int t = 0; t < tokens; t++) {
            events[i++] = "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\","
                    + "\"text\":\"token" + t + " \"}}";
        }
        events[i++] = "{\"type\":\"content_block_stop\",\"index\":0}";
        events[i++] = "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\",\"stop_sequence\":null},"
                + "\"usage\":{\"output_tokens\":" + tokens + "}}";
        events[i] = "{\"type\":\"message_stop\"}";
        return events;
    }
}
