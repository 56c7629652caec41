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
 * {@code POST /v1/messages}: Anthropic's documented fields, down to content blocks, sources and tools. Refusals are in
 * Anthropic's error shape, so the table is not among {@link V1FieldTables#all()}; {@code MessagesFieldTableTests}
 * runs it against the request checks, and an HTTP test runs it once the route is served.
 */
public final class MessagesFields {

    private static final String BASE = """
            {"model":"@MODEL@","max_tokens":16,
             "system":[{"type":"text","text":"s"}],
             "messages":[
              {"role":"user","content":[
               {"type":"text","text":"t"},
               {"type":"image","source":{"type":"base64","media_type":"image/png","data":"AA=="}},
               {"type":"document","source":{"type":"text","media_type":"text/plain","data":"d"}}]},
              {"role":"assistant","content":[
               {"type":"thinking","thinking":"th","signature":"sig"},
               {"type":"tool_use","id":"toolu_1","name":"f","input":{}}]},
              {"role":"user","content":[{"type":"tool_result","tool_use_id":"toolu_1","content":"ok"}]}],
             "tools":[{"name":"f","input_schema":{"type":"object"}}],
             "tool_choice":{"type":"auto"},
             "metadata":{"user_id":"u"},
             "thinking":{"type":"enabled","budget_tokens":1024},
             "output_config":{"effort":"low"}}
            """;

    private static final String TOOL = "{\"name\":\"f\",\"input_schema\":{\"type\":\"object\"}}";

    private MessagesFields() {
    }

    /** A message's content: a string or a non-empty array of blocks. */
    private static Field content(String param) {
        return at(param).invalid("5", "1.5", "true", "{}", "[]", "\"\"").invalidAt("[1]", param + "[0]")
                .invalidAt("[\"x\"]", param + "[0]").invalidAt("[null]", param + "[0]")
                .invalidAt("[{}]", param + "[0].type").invalidAt("[{\"type\":5}]", param + "[0].type")
                .invalidAt("[{\"type\":\"text\"}]", param + "[0].text")
                .invalidAt("[{\"type\":\"text\",\"text\":\"\"}]", param + "[0].text")
                .valid("\"s\"", "[{\"type\":\"text\",\"text\":\"s\"}]",
                        "[{\"type\":\"server_tool_use_2099\",\"anything\":1}]");
    }

    private static Field cacheControl(String param) {
        return object(param).invalidAt("{}", param + ".type").invalidAt("{\"type\":\"forever\"}", param + ".type")
                .invalidAt("{\"type\":\"ephemeral\",\"ttl\":\"2h\"}", param + ".ttl")
                .valid("{\"type\":\"ephemeral\"}", "{\"type\":\"ephemeral\",\"ttl\":\"1h\"}");
    }

    public static EndpointTable table() {
        String image = "messages[0].content[1].source";
        String document = "messages[0].content[2].source";
        return new EndpointTable("messages", "/v1/messages", "/chat/completions", BASE, List.of(
                Model.field(),
                integer("max_tokens", 1, Integer.MAX_VALUE).required(),
                array("messages").required().invalid("[]").invalidAt("[1]", "messages[0]")
                        .invalidAt("[null]", "messages[0]").invalidAt("[{}]", "messages[0].role").noValid(),
                oneOf("messages[0].role", "user", "assistant").required(),
                content("messages[0].content").required()
                        .invalidAt("[{\"type\":\"tool_use\",\"id\":\"t\",\"name\":\"f\",\"input\":{}}]",
                                "messages[0].content[0].type")
                        .invalidAt("[{\"type\":\"thinking\",\"thinking\":\"t\",\"signature\":\"s\"}]",
                                "messages[0].content[0].type"),
                string("messages[0].content[0].text").required().nonEmpty(),
                cacheControl("messages[0].content[0].cache_control"),
                object(image).required().invalidAt("{}", image + ".type").invalidAt("{\"type\":\"svg\"}", image + ".type")
                        .invalidAt("{\"type\":\"base64\"}", image + ".media_type")
                        .invalidAt("{\"type\":\"url\"}", image + ".url")
                        .invalidAt("{\"type\":\"file\",\"file_id\":\"\"}", image + ".file_id")
                        .valid("{\"type\":\"url\",\"url\":\"https://example.com/a.png\"}"),
                oneOf(image + ".media_type", "image/jpeg", "image/png", "image/gif", "image/webp").required(),
                string(image + ".data").required().nonEmpty(),
                object(document).required().invalidAt("{\"type\":\"pdf\"}", document + ".type")
                        .invalidAt("{\"type\":\"base64\",\"media_type\":\"image/png\",\"data\":\"A\"}",
                                document + ".media_type")
                        .invalidAt("{\"type\":\"content\",\"content\":[{\"type\":\"tool_use\"}]}",
                                document + ".content[0].type")
                        .valid("{\"type\":\"base64\",\"media_type\":\"application/pdf\",\"data\":\"JVBE\"}",
                                "{\"type\":\"content\",\"content\":\"c\"}",
                                "{\"type\":\"content\",\"content\":[{\"type\":\"text\",\"text\":\"c\"}]}"),
                string("messages[0].content[2].title"),
                content("messages[1].content").required()
                        .invalidAt("[{\"type\":\"tool_result\",\"tool_use_id\":\"t\"}]", "messages[1].content[0].type"),
                string("messages[1].content[0].thinking").required().valid("\"\""),
                string("messages[1].content[0].signature").required(),
                string("messages[1].content[1].id").required().nonEmpty(),
                string("messages[1].content[1].name").required().nonEmpty(),
                object("messages[1].content[1].input").required().valid("{}", "{\"a\":[1]}"),
                string("messages[2].content[0].tool_use_id").required().nonEmpty(),
                at("messages[2].content[0].content").invalid("5", "true", "{}")
                        .invalidAt("[1]", "messages[2].content[0].content[0]")
                        .invalidAt("[{\"type\":\"tool_use\"}]", "messages[2].content[0].content[0].type")
                        .invalidAt("[{\"type\":\"text\"}]", "messages[2].content[0].content[0].text")
                        .valid("\"\"", "[]", "[{\"type\":\"text\",\"text\":\"x\"}]",
                                "[{\"type\":\"tool_reference\",\"tool_name\":\"f\"}]"),
                bool("messages[2].content[0].is_error"),
                at("system").invalid("5", "true", "{}").invalidAt("[1]", "system[0]")
                        .invalidAt("[{\"type\":\"image\"}]", "system[0].type")
                        .invalidAt("[{\"type\":\"text\"}]", "system[0].text")
                        .invalidAt("[{\"type\":\"text\",\"text\":\"\"}]", "system[0].text")
                        .valid("\"s\"", "\"\"", "[]", "[{\"type\":\"text\",\"text\":\"s\"}]"),
                array("tools").invalidAt("[1]", "tools[0]").invalidAt("[null]", "tools[0]")
                        .invalidAt("[{}]", "tools[0].name").invalidAt("[" + TOOL + "," + TOOL + "]", "tools[1].name")
                        .valid("[]", "[{\"type\":\"web_search_20250305\",\"name\":\"web_search\",\"max_uses\":3}]"),
                string("tools[0].name").required().nonEmpty().invalid("\"a b\"", "\"" + "n".repeat(129) + "\""),
                object("tools[0].input_schema").required().invalidAt("{}", "tools[0].input_schema.type")
                        .invalidAt("{\"type\":\"array\"}", "tools[0].input_schema.type")
                        .valid("{\"type\":\"object\",\"properties\":{}}"),
                string("tools[0].description"),
                bool("tools[0].strict"),
                at("tools[0].type").invalid("5", "\"\"").valid("\"custom\"", "\"bash_20250124\""),
                object("tool_choice").invalidAt("{}", "tool_choice.type")
                        .invalidAt("{\"type\":\"required\"}", "tool_choice.type")
                        .invalidAt("{\"type\":\"tool\"}", "tool_choice.name")
                        .invalidAt("{\"type\":\"auto\",\"disable_parallel_tool_use\":1}",
                                "tool_choice.disable_parallel_tool_use")
                        .valid("{\"type\":\"any\"}", "{\"type\":\"none\"}", "{\"type\":\"tool\",\"name\":\"f\"}",
                                "{\"type\":\"auto\",\"disable_parallel_tool_use\":true}"),
                array("stop_sequences").invalidAt("[1]", "stop_sequences[0]")
                        .invalidAt("[null]", "stop_sequences[0]").valid("[]", "[\"###\"]"),
                bool("stream").noValid().valid("false", "null"),
                number("temperature", 0, 1),
                number("top_p", 0, 1),
                integer("top_k", 0, Integer.MAX_VALUE),
                object("metadata").invalidAt("{\"user_id\":5}", "metadata.user_id")
                        .invalidAt("{\"user_id\":\"" + "u".repeat(257) + "\"}", "metadata.user_id")
                        .valid("{}", "{\"user_id\":\"u\"}"),
                object("thinking").invalidAt("{}", "thinking.type").invalidAt("{\"type\":\"on\"}", "thinking.type")
                        .invalidAt("{\"type\":\"enabled\"}", "thinking.budget_tokens")
                        .invalidAt("{\"type\":\"enabled\",\"budget_tokens\":1023}", "thinking.budget_tokens")
                        .invalidAt("{\"type\":\"adaptive\",\"display\":\"full\"}", "thinking.display")
                        .valid("{\"type\":\"disabled\"}", "{\"type\":\"adaptive\",\"display\":\"omitted\"}",
                                "{\"type\":\"enabled\",\"budget_tokens\":2048,\"display\":\"summarized\"}"),
                object("output_config").invalidAt("{\"effort\":5}", "output_config.effort")
                        .invalidAt("{\"format\":{\"type\":\"json_schema\"}}", "output_config.format.schema")
                        .invalidAt("{\"format\":{\"type\":\"yaml\",\"schema\":{}}}", "output_config.format.type")
                        .valid("{\"effort\":\"max\"}", "{\"format\":{\"type\":\"json_schema\",\"schema\":{}}}"),
                object("context_management").valid("{\"edits\":[]}"),
                string("service_tier"),
                string("inference_geo"),
                string("speed"),
                array("mcp_servers").invalidAt("[1]", "mcp_servers[0]"),
                cacheControl("cache_control")));
    }
}
