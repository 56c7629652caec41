package ai.switchboard.gateway.api.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ai.switchboard.gateway.api.error.ApiException;
import ai.switchboard.providers.api.ChatRequest;
import ai.switchboard.providers.api.EmbeddingRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import tools.jackson.databind.node.ObjectNode;

/** Every body that does not bind gets a 400 that speaks JSON, names the parameter and never shows Java. */
class JsonBodiesTests {

    private static final String CHAT = "\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]";

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
        "{CHAT,\"temperature\":\"NaN\"}|temperature|expected a number, but got a string instead",
        "{CHAT,\"top_p\":\"NaN\"}|top_p|expected a number, but got a string instead",
        "{CHAT,\"temperature\":\"Infinity\"}|temperature|expected a number, but got a string instead",
        "{CHAT,\"temperature\":1e400}|temperature|the number 1e400 is too large",
        "{CHAT,\"temperature\":-1e400}|temperature|the number -1e400 is too small",
        "{CHAT,\"max_tokens\":\"10\"}|max_tokens|expected an integer, but got a string instead",
        "{CHAT,\"n\":\"2\"}|n|expected an integer, but got a string instead",
        "{CHAT,\"n\":1.5}|n|expected an integer, but got a number instead",
        "{CHAT,\"n\":2.0}|n|expected an integer, but got a number instead",
        "{CHAT,\"max_tokens\":99999999999}|max_tokens|the number 99999999999 is too large",
        "{CHAT,\"max_tokens\":-99999999999}|max_tokens|the number -99999999999 is too small",
        "{CHAT,\"seed\":99999999999999999999999}|seed|the number 99999999999999999999999 is too large",
        "{CHAT,\"stream\":1}|stream|expected a boolean, but got an integer instead",
        "{CHAT,\"stream\":\"true\"}|stream|expected a boolean, but got a string instead",
        "{CHAT,\"stream\":\"\"}|stream|expected a boolean, but got a string instead",
        "{CHAT,\"logprobs\":0}|logprobs|expected a boolean, but got an integer instead",
        "{CHAT,\"user\":5}|user|expected a string, but got an integer instead",
        "{CHAT,\"user\":true}|user|expected a string, but got a boolean instead",
        "{CHAT,\"user\":[\"u\"]}|user|expected a string, but got an array instead",
        "{\"model\":5,\"messages\":[]}|model|expected a string, but got an integer instead",
        "{\"model\":\"m\",\"messages\":{\"role\":\"user\"}}|messages|expected an array, but got an object instead",
        "{\"model\":\"m\",\"messages\":\"\"}|messages|expected an array, but got a string instead",
        "{\"model\":\"m\",\"messages\":[\"hi\"]}|messages[0]|expected an object, but got a string instead",
        "{\"model\":\"m\",\"messages\":[null]}|messages[0]|expected a value, but got null instead",
        "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"x\",\"tool_calls\":[{\"id\":5}]}]}"
                + "|messages[0].tool_calls[0].id|expected a string, but got an integer instead",
        "{CHAT,\"stream_options\":\"\"}|stream_options|expected an object, but got a string instead",
        "{CHAT,\"stream_options\":{\"include_usage\":1}}|stream_options.include_usage|expected a boolean",
        "{CHAT,\"response_format\":\"json_object\"}|response_format|expected an object, but got a string instead",
        "{CHAT,\"tools\":{\"type\":\"function\"}}|tools|expected an array, but got an object instead",
        "{CHAT,\"tools\":[null]}|tools[0]|expected a value, but got null instead",
    })
    void typeErrorsNameTheParameterInJsonTerms(String body, String param, String message) {
        ApiException error = refused(body.replace("CHAT", CHAT), ChatRequest.class);

        assertThat(error.param()).isEqualTo(param);
        assertThat(error.getMessage()).contains("'" + param + "'").contains(message);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
        "{\"model\":\"a\",\"model\":\"b\"}|model",
        "{CHAT,\"temperature\":1,\"temperature\":2}|temperature",
        "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"role\":\"system\",\"content\":\"x\"}]}|messages[0].role",
        "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"a\",\"text\":\"b\"}]}]}"
                + "|messages[0].content[0].text",
        "{CHAT,\"metadata\":{\"k\":\"a\",\"k\":\"b\"}}|metadata.k",
    })
    void duplicateKeysAreRefusedWhereverTheyAre(String body, String param) {
        ApiException error = refused(body.replace("CHAT", CHAT), ChatRequest.class);

        assertThat(error.param()).isEqualTo(param);
        assertThat(error.getMessage()).contains("Duplicate key");
    }

    @Test
    void duplicateKeysAreRefusedInPassThroughBodiesToo() {
        assertThat(refused("{\"model\":\"a\",\"prompt\":\"x\",\"model\":\"b\"}", ObjectNode.class).param())
                .isEqualTo("model");
        assertThat(refused("{\"model\":\"a\",\"input\":\"x\",\"input\":\"y\"}", EmbeddingRequest.class).param())
                .isEqualTo("input");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
        "{\"model\":|it ends before the JSON value is complete",
        "{\"model\":\"x\" \"a\"}|unexpected character '\"' at line 1, column 14",
        "{\"model\":NaN}|NaN and Infinity are not JSON numbers",
        "{\"model\":-Infinity}|NaN and Infinity are not JSON numbers",
        "{\"model\":01}|invalid number",
        "{\"model\":abc}|unrecognized token 'abc'",
        "{\"a\":1]|a closing bracket does not match an opening one",
        "{CHAT} {}|more data follows it",
        "{CHAT} x|unrecognized token 'x'",
        "[1,2]|must be a JSON object",
        "\"text\"|must be a JSON object",
        "null|must be a JSON object",
        "~   ~|The request body is empty",
    })
    void syntaxErrorsSayWhatAndWhere(String body, String message) {
        ApiException error = refused(body.replace("CHAT", CHAT), ChatRequest.class);

        assertThat(error.param()).isNull();
        assertThat(error.getMessage()).contains(message);
    }

    @ParameterizedTest
    @MethodSource("malformedBodies")
    void noMessageShowsJava(byte[] body, Class<?> type) {
        ApiException error = refused(body, type);

        assertThat(error.status()).isEqualTo(400);
        assertThat(error.type()).isEqualTo("invalid_request_error");
        assertThat(JavaNames.find(error.getMessage())).as(error.getMessage()).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
        "Cannot deserialize value of type `java.lang.Double` from String value (token `JsonToken.VALUE_STRING`)",
        "Numeric value (99999999999) out of range of int (-2147483648 - 2147483647)",
        "Cannot construct instance of ChatRequest, problem: java.lang.NullPointerException",
        "Trailing token (START_OBJECT) found after value",
        "Non-standard token 'NaN': enable JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS to allow",
        "Unexpected close marker ']': expected '}' (for Object starting at [Source: REDACTED; line: 1])",
        "Cannot coerce Integer value (5) to String value",
    })
    void theJavaDetectorRecognisesJacksonsOwnMessages(String jacksonMessage) {
        assertThat(JavaNames.find(jacksonMessage)).isNotNull();
    }

    @Test
    void limitsOfTheParserNameTheField() {
        ApiException digits = refused("{\"max_tokens\":" + "9".repeat(1200) + "}", ChatRequest.class);
        assertThat(digits.param()).isEqualTo("max_tokens");
        assertThat(digits.getMessage()).contains("a number has too many digits");

        ApiException depth = refused("{\"model\":\"m\",\"x\":" + "[".repeat(1200) + "]".repeat(1200) + "}",
                ChatRequest.class);
        assertThat(depth.getMessage()).contains("nested too deeply");
    }

    @Test
    void unknownFieldsStillBindAndKeepTheirValues() {
        ChatRequest chat = JsonBodies.bind(buffer(("{" + CHAT + ",\"top_k\":\"NaN\",\"x\":null,\"y\":[null,1.5]}")
                .getBytes(StandardCharsets.UTF_8)), ChatRequest.class);

        assertThat(chat.extra().get("top_k").asString()).isEqualTo("NaN");
        assertThat(chat.extra().get("x").isNull()).isTrue();
        assertThat(chat.extra().get("y").toString()).isEqualTo("[null,1.5]");
    }

    static Stream<Arguments> malformedBodies() {
        List<String> texts = new ArrayList<>(List.of("{\"model\":", "{\"model\":\"x\" \"a\"}", "{'model':'x'}",
                "{\"model\":\"x\",}", "{\"model\":01}", "{\"model\":1.}", "{\"model\":-}", "{\"model\":+1}",
                "{\"model\":.5}", "{\"model\":NaN}", "{\"model\":Infinity}", "{\"model\":nul}", "{model:1}",
                "{\"model\":\"a\nb\"}", "{\"model\":\"\\x\"}", "{\"model\":\"\\u12\"}", "{\"a\":1]", "[1}", "}", "]",
                "{\"model\":\"x\"}}", "{\"model\":\"x\"} x", "{\"model\":\"x\"} {}", "\u0000", "  ", "{/*c*/}",
                "{\"a\":1e}", "{\"a\":[1,]}", "{\"a\" 1}", "{,}", "\"s\"", "5", "null", "true", "[".repeat(1200),
                "{\"a\":".repeat(1200), "{\"" + "k".repeat(60_000) + "\":1}", "{\"a\":" + "1".repeat(1200) + "}",
                "{\"a\":1,\"a\":2}", "{\"model\":[]}", "{\"model\":{}}", "{\"messages\":[1]}", "{\"messages\":[[]]}",
                "{\"messages\":[{\"role\":[]}]}", "{\"messages\":[{\"tool_calls\":{}}]}", "{\"n\":true}",
                "{\"n\":{}}", "{\"seed\":1.5}", "{\"seed\":\"1\"}", "{\"temperature\":[]}", "{\"stop\":1}",
                "{\"stream_options\":[]}", "{\"response_format\":5}", "{\"response_format\":{\"type\":{}}}",
                "{\"tools\":[5]}", "{\"tools\":[{\"type\":5}]}", "{\"input\":1,\"dimensions\":\"1\"}",
                "{\"dimensions\":1e400}", "{\"encoding_format\":5}"));
        List<byte[]> bodies = new ArrayList<>();
        texts.forEach(text -> bodies.add(text.getBytes(StandardCharsets.UTF_8)));
        bodies.add(new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, '"', '}'});
        bodies.add(new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0x80, '"', '}'});
        bodies.add(new byte[] {0, 0, (byte) 0xFE, (byte) 0xFF, 0, 0, 0, '{'});
        bodies.add(new byte[] {(byte) 0xFF, (byte) 0xFE, 0, 0, '{'});
        return Stream.of(ChatRequest.class, EmbeddingRequest.class, ObjectNode.class)
                .flatMap(type -> bodies.stream().map(body -> Arguments.of(body, type)))
                .filter(arguments -> !binds((byte[]) arguments.get()[0], (Class<?>) arguments.get()[1]));
    }

    private static boolean binds(byte[] body, Class<?> type) {
        try {
            JsonBodies.bind(buffer(body), type);
            return true;
        } catch (ApiException refused) {
            return false;
        }
    }

    private static ApiException refused(String body, Class<?> type) {
        return refused(body.getBytes(StandardCharsets.UTF_8), type);
    }

    private static ApiException refused(byte[] body, Class<?> type) {
        ApiException error = catchThrowableOfType(ApiException.class, () -> JsonBodies.bind(buffer(body), type));
        assertThat(error).as("refused: " + new String(body, StandardCharsets.UTF_8)).isNotNull();
        return error;
    }

    private static DataBuffer buffer(byte[] body) {
        return DefaultDataBufferFactory.sharedInstance.wrap(body);
    }
}
