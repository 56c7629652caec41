package ai.switchboard.gateway.it.fields;

import static ai.switchboard.gateway.it.fields.Field.at;
import static ai.switchboard.gateway.it.fields.Field.bool;
import static ai.switchboard.gateway.it.fields.Field.integer;
import static ai.switchboard.gateway.it.fields.Field.number;
import static ai.switchboard.gateway.it.fields.Field.object;
import static ai.switchboard.gateway.it.fields.Field.string;

import java.util.List;

/** {@code POST /v1/completions}, the legacy API: its body passes through, so every documented field is checked. */
public final class CompletionsFields {

    private CompletionsFields() {
    }

    public static EndpointTable table() {
        return new EndpointTable("completions", "/v1/completions", "/completions",
                "{\"model\":\"@MODEL@\",\"prompt\":\"x\"}", List.of(
                Model.field(),
                TextOrTokensFields.field("prompt", true).required(),
                integer("best_of", 0, 20),
                bool("echo"),
                number("frequency_penalty", -2, 2),
                number("presence_penalty", -2, 2),
                OpenAiFields.logitBias("logit_bias"),
                integer("logprobs", 0, 5),
                integer("max_tokens", 0, Integer.MAX_VALUE),
                integer("n", 1, 128),
                integer("seed", Long.MIN_VALUE, Long.MAX_VALUE),
                OpenAiFields.stop("stop"),
                bool("stream").noValid().valid("false", "null"),
                object("stream_options").with("stream", "true").noValid()
                        .invalidAt("{\"include_usage\":1}", "stream_options.include_usage"),
                at("stream_options").invalid("{\"include_usage\":true}").noValid(),
                string("suffix"),
                number("temperature", 0, 2),
                number("top_p", 0, 1),
                string("user")));
    }
}
