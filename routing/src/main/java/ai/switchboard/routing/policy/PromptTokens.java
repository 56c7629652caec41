package ai.switchboard.routing.policy;

import ai.switchboard.providers.api.ChatMessage;
import ai.switchboard.providers.api.ChatRequest;
import ai.switchboard.providers.api.ToolDefinition;
import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;

/**
 * Estimates a chat request's prompt tokens with the {@code o200k_base} tokenizer (jtokkit). Other providers'
 * tokenizers differ by some percent, which is why routing treats it as an estimate: good for "fits the window"
 * and "long prompt" decisions, not for billing. Images are not counted.
 */
public final class PromptTokens {

    /** OpenAI's per-message framing overhead. */
    private static final int PER_MESSAGE = 4;

    private PromptTokens() {
    }

    public static int estimate(ChatRequest request) {
        Encoding encoding = Holder.ENCODING;
        int tokens = 3;
        if (request.messages() != null) {
            for (ChatMessage message : request.messages()) {
                tokens += PER_MESSAGE + encoding.countTokensOrdinary(message.text());
            }
        }
        if (request.tools() != null) {
            for (ToolDefinition tool : request.tools()) {
                tokens += encoding.countTokensOrdinary(String.valueOf(tool));
            }
        }
        return tokens;
    }

    /** Count of the tokens of a plain text. */
    public static int count(String text) {
        return Holder.ENCODING.countTokensOrdinary(text);
    }

    /** Loaded on first use: building the tokenizer takes tens of milliseconds, once. */
    private static final class Holder {
        static final Encoding ENCODING = Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.O200K_BASE);
    }
}
