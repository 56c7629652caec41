package ai.switchboard.gateway.api.responses.wire;

import java.util.List;

/**
 * An {@code output_text} part of an assistant message. {@code annotations} and {@code logprobs} are always written
 * (empty when there are none): the SDKs declare them as present.
 */
public record OutputText(String type, String text, List<Object> annotations, List<Object> logprobs) {

    public static final String TYPE = "output_text";

    public static OutputText of(String text) {
        return new OutputText(TYPE, text, List.of(), List.of());
    }
}
