package ai.switchboard.gateway.it.fields;

import static ai.switchboard.gateway.it.fields.Field.array;
import static ai.switchboard.gateway.it.fields.Field.at;
import static ai.switchboard.gateway.it.fields.Field.bool;
import static ai.switchboard.gateway.it.fields.Field.integer;
import static ai.switchboard.gateway.it.fields.Field.number;
import static ai.switchboard.gateway.it.fields.Field.object;
import static ai.switchboard.gateway.it.fields.Field.oneOf;
import static ai.switchboard.gateway.it.fields.Field.string;

import java.util.List;

/** {@code POST /v1/chat/completions}: OpenAI's documented fields, down to content parts and tool calls. */
public final class ChatFields {

    private static final String BASE = """
            {"model":"@MODEL@","messages":[
             {"role":"system","content":"s"},
             {"role":"user","content":[{"type":"text","text":"t"},
              {"type":"image_url","image_url":{"url":"https://example.com/a.png","detail":"low"}},
              {"type":"input_audio","input_audio":{"data":"AA==","format":"wav"}},
              {"type":"file","file":{"file_id":"file-1"}}]},
             {"role":"assistant","content":null,"tool_calls":[{"id":"call_1","type":"function",
              "function":{"name":"f","arguments":"{}"}}]},
             {"role":"tool","tool_call_id":"call_1","content":"ok"}],
             "tools":[{"type":"function","function":{"name":"f","parameters":{"type":"object"}}}]}
            """;

    private static final String IMAGE_PART = "[{\"type\":\"image_url\",\"image_url\":{\"url\":\"https://x/a.png\"}}]";

    private ChatFields() {
    }

    /** A message's content: a string or a non-empty array of parts. */
    private static Field content(String param) {
        return at(param).invalid("5", "1.5", "true", "{}", "[]").invalidAt("[1]", param + "[0]")
                .invalidAt("[\"x\"]", param + "[0]").invalidAt("[null]", param + "[0]")
                .invalidAt("[{}]", param + "[0].type").invalidAt("[{\"type\":5}]", param + "[0].type")
                .invalidAt("[{\"type\":\"text\"}]", param + "[0].text")
                .valid("\"\"", "\"s\"", "[{\"type\":\"text\",\"text\":\"s\"}]");
    }

    public static EndpointTable table() {
        return new EndpointTable("chat", "/v1/chat/completions", "/chat/completions", BASE, List.of(
                Model.field(),
                array("messages").required().invalid("[]").invalidAt("[1]", "messages[0]")
                        .invalidAt("[null]", "messages[0]").invalidAt("[[]]", "messages[0]")
                        .invalidAt("[{}]", "messages[0].role").noValid(),
                oneOf("messages[0].role", "system", "developer", "user", "assistant").required()
                        .invalidAt("\"tool\"", "messages[0].tool_call_id"),
                content("messages[0].content").required().invalidAt(IMAGE_PART, "messages[0].content[0].type"),
                string("messages[0].name"),
                oneOf("messages[1].content[0].type", "text").required().invalid("\"video\"", "\"refusal\""),
                string("messages[1].content[0].text").required().valid("\"\""),
                object("messages[1].content[1].image_url").required().invalid("\"https://x/a.png\"")
                        .invalidAt("{}", "messages[1].content[1].image_url.url"),
                string("messages[1].content[1].image_url.url").required().nonEmpty(),
                oneOf("messages[1].content[1].image_url.detail", "auto", "low", "high"),
                string("messages[1].content[2].input_audio.data").required(),
                oneOf("messages[1].content[2].input_audio.format", "wav", "mp3").required(),
                object("messages[1].content[3].file").required().valid("{\"file_id\":\"file-2\"}"),
                string("messages[1].content[3].file.file_id"),
                content("messages[2].content").invalidAt(IMAGE_PART, "messages[2].content[0].type"),
                array("messages[2].tool_calls").invalidAt("[1]", "messages[2].tool_calls[0]")
                        .invalidAt("[null]", "messages[2].tool_calls[0]"),
                string("messages[2].tool_calls[0].id").required().nonEmpty(),
                oneOf("messages[2].tool_calls[0].type", "function").required(),
                object("messages[2].tool_calls[0].function").required()
                        .invalidAt("{}", "messages[2].tool_calls[0].function.name").noValid(),
                string("messages[2].tool_calls[0].function.name").required().nonEmpty(),
                string("messages[2].tool_calls[0].function.arguments").required().valid("\"\""),
                string("messages[3].tool_call_id").required().nonEmpty(),
                content("messages[3].content").required().invalidAt(IMAGE_PART, "messages[3].content[0].type"),
                array("tools").invalidAt("[1]", "tools[0]").invalidAt("[null]", "tools[0]"),
                oneOf("tools[0].type", "function").required(),
                object("tools[0].function").required().invalidAt("{}", "tools[0].function.name"),
                string("tools[0].function.name").required().nonEmpty(),
                string("tools[0].function.description"),
                object("tools[0].function.parameters").valid("{}"),
                bool("tools[0].function.strict"),
                at("tool_choice").invalid("5", "true", "[]", "\"any\"", "\"\"", Field.OVERSIZE_STRING)
                        .invalidAt("{}", "tool_choice.type").invalidAt("{\"type\":\"bogus\"}", "tool_choice.type")
                        .invalidAt("{\"type\":\"function\"}", "tool_choice.function")
                        .invalidAt("{\"type\":\"function\",\"function\":{}}", "tool_choice.function.name")
                        .invalidAt("{\"type\":\"function\",\"function\":{\"name\":5}}", "tool_choice.function.name")
                        .valid("\"auto\"", "\"none\"", "\"required\"",
                                "{\"type\":\"function\",\"function\":{\"name\":\"f\"}}"),
                bool("parallel_tool_calls"),
                object("response_format").invalidAt("{}", "response_format.type")
                        .invalidAt("{\"type\":\"yaml\"}", "response_format.type")
                        .invalidAt("{\"type\":5}", "response_format.type")
                        .invalidAt("{\"type\":\"json_schema\"}", "response_format.json_schema")
                        .invalidAt("{\"type\":\"json_schema\",\"json_schema\":{}}", "response_format.json_schema.name")
                        .invalidAt("{\"type\":\"json_schema\",\"json_schema\":{\"name\":\"n\",\"schema\":5}}",
                                "response_format.json_schema.schema")
                        .valid("{\"type\":\"text\"}", "{\"type\":\"json_object\"}",
                                "{\"type\":\"json_schema\",\"json_schema\":{\"name\":\"n\",\"schema\":{},\"strict\":true}}"),
                integer("n", 1, 128),
                OpenAiFields.stop("stop"),
                integer("seed", Long.MIN_VALUE, Long.MAX_VALUE),
                bool("logprobs"),
                integer("top_logprobs", 0, 20),
                integer("max_tokens", 1, Integer.MAX_VALUE),
                integer("max_completion_tokens", 1, Integer.MAX_VALUE),
                number("temperature", 0, 2),
                number("top_p", 0, 1),
                number("presence_penalty", -2, 2),
                number("frequency_penalty", -2, 2),
                string("user"),
                bool("stream").noValid().valid("false", "null"),
                object("stream_options").with("stream", "true").noValid()
                        .invalidAt("{\"include_usage\":1}", "stream_options.include_usage")
                        .invalidAt("{\"include_obfuscation\":\"no\"}", "stream_options.include_obfuscation"),
                at("stream_options").invalid("{\"include_usage\":true}").noValid(),
                OpenAiFields.logitBias("logit_bias"),
                object("metadata").invalidAt("{\"k\":1}", "metadata.k")
                        .invalidAt("{\"k\":\"" + "v".repeat(513) + "\"}", "metadata.k")
                        .invalid("{\"" + "k".repeat(65) + "\":\"v\"}", OpenAiFields.entries(17, "\"v\""))
                        .valid("{\"k\":\"v\"}"),
                bool("store"),
                array("modalities").invalidAt("[5]", "modalities[0]").invalidAt("[\"video\"]", "modalities[0]")
                        .valid("[\"text\"]"),
                string("reasoning_effort"),
                string("service_tier"),
                string("verbosity"),
                string("prompt_cache_key"),
                string("safety_identifier"),
                object("audio"),
                object("prediction"),
                object("web_search_options").valid("{}")));
    }
}
