package ai.switchboard.routing.policy;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One specialist of a {@code specialist-generalist} route. Which fields matter depends on the route's classifier.
 *
 * @param label what the classifier answers to pick it: lower-case letters, digits, {@code _} or {@code -}
 * @param target the model or route that answers when it is picked
 * @param description what it is good at, shown to an LLM classifier next to the label; may be {@code null}
 * @param keywords for the keyword classifier: lower-cased substrings of the last user message
 * @param regex for the keyword classifier: a case-insensitive pattern, or {@code null}
 * @param examples for the embeddings classifier: phrases typical of the requests it should get
 */
public record Specialist(String label, String target, String description, List<String> keywords, Pattern regex,
        List<String> examples) {

    public Specialist {
        Objects.requireNonNull(label, "label");
        keywords = List.copyOf(keywords);
        examples = List.copyOf(examples);
    }
}
