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

/**
 * {@code POST /v1/responses}: OpenAI's documented fields, down to input items, their content parts, function and
 * namespace tools and {@code text.format}. Hosted tools and item types the gateway only passes through need a string
 * {@code type}; their members are the upstream's to judge.
 */
public final class ResponsesFields {

    private static final String BASE = """
            {"model":"@MODEL@","input":[
             {"type":"message","role":"developer","content":"d"},
             {"type":"message","role":"user","content":[{"type":"input_text","text":"t"},
              {"type":"input_image","image_url":"https://example.com/a.png","detail":"low"},
              {"type":"input_file","file_id":"file-1","filename":"a.pdf"}]},
             {"type":"reasoning","id":"rs_1","summary":[{"type":"summary_text","text":"s"}],"encrypted_content":"e"},
             {"type":"function_call","call_id":"call_1","name":"f","arguments":"{}"},
             {"type":"function_call_output","call_id":"call_1","output":"ok"},
             {"role":"assistant","content":[{"type":"output_text","text":"a","annotations":[]}]}],
             "tools":[{"type":"function","name":"f","parameters":{"type":"object"},"strict":false},
              {"type":"namespace","name":"ns","description":"d","tools":[
               {"type":"function","name":"g","parameters":{"type":"object"}}]},
              {"type":"web_search"}],
             "reasoning":{"effort":"low"},"text":{"format":{"type":"text"}}}
            """;

    private static final String[] NOT_STRINGS = {"5", "1.5", "true", "[]", "{}"};

    private ResponsesFields() {
    }

    /** A message's or a function output's content: a string or a non-empty array of parts. */
    private static Field content(String param) {
        return at(param).required().invalid("5", "1.5", "true", "{}", "[]").invalidAt("[1]", param + "[0]")
                .invalidAt("[\"x\"]", param + "[0]").invalidAt("[null]", param + "[0]")
                .invalidAt("[{}]", param + "[0].type").invalidAt("[{\"type\":5}]", param + "[0].type")
                .invalidAt("[{\"type\":\"text\",\"text\":\"x\"}]", param + "[0].type")
                .invalidAt("[{\"type\":\"input_text\"}]", param + "[0].text")
                .valid("\"\"", "\"s\"", "[{\"type\":\"input_text\",\"text\":\"s\"}]");
    }

    public static EndpointTable table() {
        return new EndpointTable("responses", "/v1/responses", "/responses", BASE, List.of(
                Model.field(),
                at("input").required().invalid("5", "true", "{}", "[]").invalidAt("[1]", "input[0]")
                        .invalidAt("[null]", "input[0]").invalidAt("[[]]", "input[0]")
                        .invalidAt("[{}]", "input[0].role")
                        .valid("\"x\"", "[{\"role\":\"user\",\"content\":\"x\"}]"),
                at("input[0].type").invalid(NOT_STRINGS).valid("\"message\""),
                oneOf("input[0].role", "user", "assistant", "system", "developer").required(),
                content("input[0].content"),
                oneOf("input[0].status", "in_progress", "completed", "incomplete"),
                oneOf("input[1].content[0].type", "input_text").required().invalid("\"video\"", "\"output_text\""),
                string("input[1].content[0].text").required().valid("\"\""),
                string("input[1].content[1].image_url").required().nonEmpty(),
                oneOf("input[1].content[1].detail", "low", "high", "auto", "original"),
                string("input[1].content[2].file_id").nonEmpty().noValid().valid("null", "\"file-2\""),
                string("input[1].content[2].filename").noValid().valid("null", "\"b.pdf\""),
                array("input[2].summary").required().invalidAt("[1]", "input[2].summary[0]")
                        .invalidAt("[{}]", "input[2].summary[0].type")
                        .invalidAt("[{\"type\":\"summary_text\"}]", "input[2].summary[0].text")
                        .valid("[]"),
                string("input[2].encrypted_content"),
                string("input[3].call_id").required().nonEmpty(),
                string("input[3].name").required().nonEmpty(),
                string("input[3].arguments").required().valid("\"\""),
                string("input[3].namespace").nonEmpty(),
                string("input[4].call_id").required().nonEmpty(),
                content("input[4].output").invalidAt("[{\"type\":\"output_text\",\"text\":\"x\"}]",
                        "input[4].output[0].type"),
                content("input[5].content").invalidAt("[{\"type\":\"input_image\",\"image_url\":\"https://x/a.png\"}]",
                        "input[5].content[0].type").valid("[{\"type\":\"refusal\",\"refusal\":\"no\"}]"),
                string("instructions"),
                array("tools").invalidAt("[1]", "tools[0]").invalidAt("[null]", "tools[0]")
                        .invalidAt("[{}]", "tools[0].type").valid("[]"),
                at("tools[0].type").required().invalid(NOT_STRINGS).valid("\"function\""),
                string("tools[0].name").required().nonEmpty(),
                string("tools[0].description"),
                object("tools[0].parameters").valid("{}"),
                bool("tools[0].strict"),
                string("tools[1].name").required().nonEmpty(),
                array("tools[1].tools").required().invalidAt("[{\"type\":\"web_search\"}]", "tools[1].tools[0].type")
                        .invalidAt("[{\"type\":\"function\"}]", "tools[1].tools[0].name").valid("[]"),
                at("tool_choice").invalid("5", "true", "[]", "\"any\"", "\"\"", Field.OVERSIZE_STRING)
                        .invalidAt("{}", "tool_choice.type").invalidAt("{\"type\":5}", "tool_choice.type")
                        .invalidAt("{\"type\":\"function\"}", "tool_choice.name")
                        .invalidAt("{\"type\":\"allowed_tools\",\"mode\":\"x\",\"tools\":[]}", "tool_choice.mode")
                        .valid("\"auto\"", "\"none\"", "\"required\"", "{\"type\":\"function\",\"name\":\"f\"}",
                                "{\"type\":\"allowed_tools\",\"mode\":\"auto\",\"tools\":[{\"type\":\"function\","
                                        + "\"name\":\"f\"}]}"),
                bool("parallel_tool_calls"),
                object("text").invalidAt("{\"format\":{}}", "text.format.type")
                        .invalidAt("{\"format\":5}", "text.format")
                        .invalidAt("{\"format\":{\"type\":\"yaml\"}}", "text.format.type")
                        .invalidAt("{\"format\":{\"type\":\"json_schema\"}}", "text.format.name")
                        .invalidAt("{\"format\":{\"type\":\"json_schema\",\"name\":\"n\"}}", "text.format.schema")
                        .invalidAt("{\"format\":{\"type\":\"json_schema\",\"name\":\"n\",\"schema\":5}}",
                                "text.format.schema")
                        .invalidAt("{\"verbosity\":5}", "text.verbosity")
                        .valid("{\"format\":{\"type\":\"text\"}}", "{\"format\":{\"type\":\"json_object\"}}",
                                "{\"format\":{\"type\":\"json_schema\",\"name\":\"n\",\"schema\":{},\"strict\":true}}",
                                "{\"verbosity\":\"low\"}"),
                object("reasoning").valid("{}"),
                string("reasoning.effort"),
                string("reasoning.summary"),
                integer("max_output_tokens", 1, Integer.MAX_VALUE),
                number("temperature", 0, 2),
                number("top_p", 0, 1),
                object("metadata").invalidAt("{\"k\":1}", "metadata.k")
                        .invalidAt("{\"k\":\"" + "v".repeat(513) + "\"}", "metadata.k")
                        .invalid("{\"" + "k".repeat(65) + "\":\"v\"}", OpenAiFields.entries(17, "\"v\""))
                        .valid("{\"k\":\"v\"}"),
                bool("store"),
                array("include").invalidAt("[5]", "include[0]").valid("[\"reasoning.encrypted_content\"]"),
                string("prompt_cache_key"),
                string("prompt_cache_retention"),
                bool("stream").noValid().valid("false", "null"),
                at("stream_options").invalid("{\"include_obfuscation\":true}").noValid(),
                object("stream_options").with("stream", "true").noValid()
                        .invalidAt("{\"include_obfuscation\":\"no\"}", "stream_options.include_obfuscation"),
                string("previous_response_id").nonEmpty().noValid().valid("null"),
                string("user"),
                string("safety_identifier"),
                string("service_tier"),
                integer("top_logprobs", 0, 20),
                integer("max_tool_calls", 1, Integer.MAX_VALUE),
                oneOf("truncation", "auto", "disabled"),
                bool("background").noValid().valid("false", "null"),
                at("conversation").invalid("5", "true", "[]").invalidAt("{}", "conversation.id").noValid()
                        .valid("null"),
                object("prompt").invalidAt("{}", "prompt.id").noValid().valid("null")));
    }
}
