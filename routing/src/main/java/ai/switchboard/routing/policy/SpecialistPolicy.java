package ai.switchboard.routing.policy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * {@code specialist-generalist}: a classifier picks a specialist by label, else the generalist answers. The chosen
 * specialist is planned first and the generalist after it, so a failing specialist still gets the request
 * answered; the route's fallbacks follow both.
 *
 * <p>Config: {@code {"classifier": "keywords" | "embeddings" | "llm", "generalist": "general",
 * "specialists": [{"label": "billing", "target": "billing-model", "keywords": ["invoice"], "regex": "refund",
 * "examples": ["I was charged twice"], "description": "payments and invoices"}]}}, plus
 * {@code "embedding_model"} and {@code "threshold"} (cosine similarity, default 0.75) for {@code embeddings}, and
 * {@code "classifier_model"} and {@code "max_tokens"} (default 8) for {@code llm}.
 */
public final class SpecialistPolicy implements ConfiguredPolicy {

    public static final String NAME = "specialist-generalist";

    /** The configuration keys this policy reads; any other is refused. */
    static final Set<String> CONFIG_KEYS = Set.of("classifier", "generalist", "specialists", "embedding_model",
            "threshold", "classifier_model", "max_tokens");

    private static final Pattern LABEL = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");
    private static final Set<String> SPECIALIST_FIELDS = Set.of("label", "target", "description", "keywords",
            "regex", "examples");
    private static final int MAX_EXAMPLES = 256;

    private final List<Specialist> specialists;
    private final String generalist;
    private final SpecialistClassifier classifier;

    SpecialistPolicy(List<Specialist> specialists, String generalist, SpecialistClassifier classifier) {
        this.specialists = List.copyOf(specialists);
        this.generalist = generalist;
        this.classifier = classifier;
    }

    static SpecialistPolicy from(JsonNode config, ConfigReader reader) {
        String kind = reader.optionalString(config.get("classifier"), "classifier");
        if (!List.of(KeywordClassifier.KIND, EmbeddingClassifier.KIND, LlmClassifier.KIND).contains(kind)) {
            reader.error("classifier", "must be keywords, embeddings or llm");
        }
        String generalist = reader.name(config.get("generalist"), "generalist");
        List<Specialist> specialists = specialists(config.get("specialists"), kind, reader);
        SpecialistClassifier classifier = switch (kind == null ? "" : kind) {
            case EmbeddingClassifier.KIND -> {
                Double threshold = reader.number(config.get("threshold"), "threshold", -1, 1);
                yield new EmbeddingClassifier(specialists, reader.name(config.get("embedding_model"),
                        "embedding_model"), threshold == null ? 0.75 : threshold);
            }
            case LlmClassifier.KIND -> {
                Integer maxTokens = reader.integer(config.get("max_tokens"), "max_tokens", 1);
                if (maxTokens != null && maxTokens > 64) {
                    reader.error("max_tokens", "must be at most 64: the answer is one label");
                }
                yield new LlmClassifier(specialists, reader.name(config.get("classifier_model"),
                        "classifier_model"), maxTokens == null ? 8 : maxTokens);
            }
            default -> new KeywordClassifier(specialists);
        };
        return new SpecialistPolicy(specialists, generalist, classifier);
    }

    private static List<Specialist> specialists(JsonNode list, String kind, ConfigReader reader) {
        List<Specialist> specialists = new ArrayList<>();
        if (list == null || !list.isArray() || list.isEmpty()) {
            reader.error("specialists", "must be a non-empty array of specialists");
            return specialists;
        }
        Set<String> labels = new HashSet<>();
        int examples = 0;
        for (int i = 0; i < list.size(); i++) {
            String path = "specialists[" + i + "]";
            JsonNode node = list.get(i);
            if (!node.isObject()) {
                reader.error(path, "must be an object");
                continue;
            }
            node.propertyNames().forEach(field -> {
                if (!SPECIALIST_FIELDS.contains(field)) {
                    reader.error(path + "." + field, "unknown field");
                }
            });
            String label = reader.optionalString(node.get("label"), path + ".label");
            if (label == null || !LABEL.matcher(label).matches() || LlmClassifier.NONE.equals(label)) {
                reader.error(path + ".label", "must be lower-case letters, digits, _ or - (and not 'none')");
                label = "#" + i;
            } else if (!labels.add(label)) {
                reader.error(path + ".label", "duplicates label '" + label + "'");
            }
            Specialist specialist = new Specialist(label, reader.name(node.get("target"), path + ".target"),
                    reader.optionalString(node.get("description"), path + ".description"),
                    reader.strings(node.get("keywords"), path + ".keywords").stream()
                            .map(keyword -> keyword.toLowerCase(Locale.ROOT)).toList(),
                    reader.regex(node.get("regex"), path + ".regex"),
                    reader.strings(node.get("examples"), path + ".examples"));
            if (KeywordClassifier.KIND.equals(kind) && specialist.keywords().isEmpty() && specialist.regex() == null) {
                reader.error(path, "needs keywords or a regex for the keywords classifier");
            }
            if (EmbeddingClassifier.KIND.equals(kind) && specialist.examples().stream().allMatch(String::isBlank)) {
                reader.error(path + ".examples", "needs at least one example phrase for the embeddings classifier");
            }
            examples += specialist.examples().size();
            specialists.add(specialist);
        }
        if (EmbeddingClassifier.KIND.equals(kind) && examples > MAX_EXAMPLES) {
            reader.error("specialists", "may hold at most " + MAX_EXAMPLES + " example phrases in all");
        }
        return specialists;
    }

    @Override
    public Mono<RoutePlan> plan(RoutingRequest request) {
        return classifier.classify(request).map(classification -> {
            Specialist chosen = find(classification.label());
            if (chosen == null) {
                request.trace().decide(NAME + ": " + classifier.kind() + " chose no specialist ("
                        + classification.reason() + ") -> generalist " + generalist);
                return RoutePlan.targets(List.of(generalist));
            }
            request.trace().decide(NAME + ": " + classifier.kind() + " chose '" + chosen.label() + "' ("
                    + classification.reason() + ") -> " + chosen.target());
            return RoutePlan.targets(chosen.target().equals(generalist)
                    ? List.of(generalist)
                    : List.of(chosen.target(), generalist));
        });
    }

    private Specialist find(String label) {
        for (Specialist specialist : specialists) {
            if (specialist.label().equals(label)) {
                return specialist;
            }
        }
        return null;
    }

    @Override
    public Set<String> targets() {
        Set<String> names = new LinkedHashSet<>();
        specialists.forEach(specialist -> names.add(specialist.target()));
        names.add(generalist);
        names.addAll(classifier.targets());
        names.remove(null);
        return names;
    }
}
