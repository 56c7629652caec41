package ai.switchboard.gateway.api.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ai.switchboard.gateway.api.error.ApiException;
import ai.switchboard.providers.api.ChatRequest;
import ai.switchboard.providers.json.ClientJson;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ChatRequestValidatorTests {

    @Test
    void acceptsWhatRealClientsSend() {
        assertThatCode(() -> validate("""
                {"model":"m","messages":[{"role":"system","content":"s"},{"role":"user","content":[{"type":"text","text":"hi"},
                {"type":"image_url","image_url":{"url":"https://x/y.png"}}]},
                {"role":"assistant","content":null,"tool_calls":[{"id":"c1","type":"function","function":{"name":"f","arguments":"{}"}}]},
                {"role":"assistant","tool_calls":[{"id":"c2","type":"function","function":{"name":"f","arguments":"{}"}}]},
                {"role":"assistant","content":"","tool_calls":[{"id":"c3","type":"function","function":{"name":"f","arguments":"{}"}}]},
                {"role":"tool","tool_call_id":"c1","content":"ok"}],
                "tools":[{"type":"function","function":{"name":"f","parameters":{"$schema":"http://json-schema.org/draft-07/schema#","type":"object","additionalProperties":false},"strict":true}}],
                "stream":true,"stream_options":{"include_usage":true,"include_obfuscation":false},
                "response_format":{"type":"json_schema","json_schema":{"name":"x","schema":{"type":"object"}}},
                "stop":["a","b"],"n":1,"temperature":0.2,"max_completion_tokens":10,"logprobs":true,"top_logprobs":3,
                "tool_choice":{"type":"function","function":{"name":"f"}},"logit_bias":{"50256":-100},
                "metadata":{"k":"v"},"store":false,"reasoning_effort":"a-future-effort","top_k":"anything"}
                """)).doesNotThrowAnyException();
    }

    @Test
    void acceptsEveryDocumentedContentPartForItsRole() {
        assertThatCode(() -> validate("""
                {"model":"m","messages":[{"role":"developer","content":[{"type":"text","text":"d"}]},
                {"role":"user","content":[{"type":"text","text":"hi","cache_control":{"type":"ephemeral"}},
                {"type":"image_url","image_url":{"url":"data:image/png;base64,AA==","detail":"low"}},
                {"type":"input_audio","input_audio":{"data":"AA==","format":"wav"}},
                {"type":"file","file":{"file_id":"file-1"}}]},
                {"role":"assistant","content":[{"type":"refusal","refusal":"no"},{"type":"text","text":"ok"}]},
                {"role":"user","content":"again"}],
                "tool_choice":"auto","logit_bias":null,"user":"u"}
                """)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"model\":\"m\"}|messages",
        "{\"model\":\"m\",\"messages\":[]}|messages",
        "{\"model\":\"m\",\"messages\":[{\"content\":\"x\"}]}|messages[0].role",
        "{\"model\":\"m\",\"messages\":[{\"role\":\"robot\",\"content\":\"x\"}]}|messages[0].role",
        "{\"model\":\"m\",\"messages\":[{\"role\":\"user\"}]}|messages[0].content",
        "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":5}]}|messages[0].content",
        "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":[\"x\"]}]}|messages[0].content[0]",
        "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":[]}]}|messages[0].content",
        "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"video\"}]}]}|messages[0].content[0].type",
        "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":[{\"text\":\"x\"}]}]}|messages[0].content[0].type",
        "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"text\"}]}]}|messages[0].content[0].text",
        "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":5}]}]}|messages[0].content[0].text",
        "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"image_url\",\"image_url\":5}]}]}|messages[0].content[0].image_url",
        "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"image_url\",\"image_url\":{}}]}]}|messages[0].content[0].image_url.url",
        "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"image_url\",\"image_url\":{\"url\":\"u\",\"detail\":\"max\"}}]}]}|messages[0].content[0].image_url.detail",
        "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"input_audio\",\"input_audio\":{\"data\":\"x\",\"format\":\"ogg\"}}]}]}|messages[0].content[0].input_audio.format",
        "{\"model\":\"m\",\"messages\":[{\"role\":\"system\",\"content\":[{\"type\":\"image_url\",\"image_url\":{\"url\":\"u\"}}]}]}|messages[0].content[0].type",
        "{\"model\":\"m\",\"messages\":[{\"role\":\"assistant\",\"tool_calls\":[{\"type\":\"function\",\"function\":{\"name\":\"f\",\"arguments\":\"{}\"}}]}]}|messages[0].tool_calls[0].id",
        "{\"model\":\"m\",\"messages\":[{\"role\":\"assistant\",\"tool_calls\":[{\"id\":\"c\",\"type\":\"function\",\"function\":{\"name\":\"f\"}}]}]}|messages[0].tool_calls[0].function.arguments",
        "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}],\"tool_choice\":5}|tool_choice",
        "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}],\"tool_choice\":\"any\"}|tool_choice",
        "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}],\"tool_choice\":{\"type\":\"function\"}}|tool_choice.function",
        "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}],\"logit_bias\":\"x\"}|logit_bias",
        "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}],\"logit_bias\":{\"50256\":101}}|logit_bias.50256",
        "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}],\"logit_bias\":{\"word\":1}}|logit_bias",
        "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}],\"metadata\":{\"k\":1}}|metadata.k",
        "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}],\"store\":\"yes\"}|store",
        "{\"model\":\"m\",\"messages\":[{\"role\":\"tool\",\"content\":\"x\"}]}|messages[0].tool_call_id",
        "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}],\"temperature\":3}|temperature",
        "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}],\"n\":0}|n",
        "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}],\"max_tokens\":0}|max_tokens",
        "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}],\"stop\":[1]}|stop[0]",
        "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}],\"stream_options\":{\"include_usage\":true}}|stream_options",
        "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}],\"tools\":[{\"type\":\"function\"}]}|tools[0].function",
        "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}],\"tools\":[{\"type\":\"function\",\"function\":{}}]}|tools[0].function.name",
        "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}],\"response_format\":{\"type\":\"yaml\"}}|response_format.type",
        "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}],\"response_format\":{\"type\":\"json_schema\"}}|response_format.json_schema",
        "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}],\"response_format\":{\"type\":\"json_schema\",\"json_schema\":{\"schema\":{}}}}|response_format.json_schema.name",
    })
    void refusesInvalidRequestsNamingTheParameter(String json, String param) {
        ApiException error = catchThrowableOfType(ApiException.class, () -> validate(json));

        assertThat(error.status()).isEqualTo(400);
        assertThat(error.type()).isEqualTo("invalid_request_error");
        assertThat(error.param()).isEqualTo(param);
    }

    private static void validate(String json) {
        ChatRequestValidator.validate(ClientJson.mapper().readValue(json, ChatRequest.class));
    }
}
