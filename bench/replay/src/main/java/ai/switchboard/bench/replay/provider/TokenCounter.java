package ai.switchboard.bench.replay.provider;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import java.util.List;

/**
 * Token counts for recordings that carry none (RouteLLM's), with {@code cl100k_base}: GPT-4-1106's own tokenizer.
 * Mixtral's SentencePiece tokenizer yields some percent more tokens for English; the same count is used for both
 * models so their costs differ by price, not by tokenizer. Prompts are framed as OpenAI frames chat messages.
 */
public final class TokenCounter {

    private static final Encoding ENCODING = Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.CL100K_BASE);
    private static final int PER_MESSAGE = 4;
    private static final int PRIMING = 3;

    private TokenCounter() {
    }

    public static int count(String text) {
        return ENCODING.countTokensOrdinary(text);
    }

    /** The prompt tokens of a chat request with these message texts. */
    public static int prompt(List<String> messageTexts) {
        int tokens = PRIMING;
        for (String text : messageTexts) {
            tokens += PER_MESSAGE + count(text);
        }
        return tokens;
    }
}
