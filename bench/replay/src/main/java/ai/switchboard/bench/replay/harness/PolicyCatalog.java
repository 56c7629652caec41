package ai.switchboard.bench.replay.harness;

import ai.switchboard.bench.replay.provider.TokenCounter;
import ai.switchboard.bench.replay.record.JsonLines;
import ai.switchboard.bench.replay.record.ReplayDataset;
import ai.switchboard.bench.replay.record.ReplayItem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The settings run on each dataset. They are written from what each dataset is, not fitted to its grades: the
 * keyword lists name what makes a question hard for its domain, the token thresholds are the quartiles of the
 * dataset's own prompt lengths, and the cascade's checks are the ones the gateway has (refusal patterns, which also
 * express a required answer format, and a judge where a recorded judge exists). The cascade goes from the cheaper
 * model to the dearer one; router and specialist send what they single out to the strong model and the rest to the
 * weak one.
 */
public final class PolicyCatalog {

    /** Refusals and non-answers, for every cascade. */
    static final List<String> REFUSALS = List.of("\\bI'?m sorry\\b", "\\bI (?:cannot|can't|am unable to)\\b",
            "\\bas an AI\\b");
    /** GSM8K's answer format asks for a last line {@code #### <number>}; an answer without it went astray. */
    static final String NO_GSM8K_FINAL_ANSWER = "\\A(?![\\s\\S]*####\\s*\\$?\\s*-?[\\d,]*\\.?\\d+\\s*\\z)";
    /** RouterArena asks for the final answer in {@code \boxed{}} (its code questions excepted). */
    static final String NO_BOXED_ANSWER = "\\A(?![\\s\\S]*\\\\boxed\\{)";

    static final Map<String, List<List<String>>> HARD_KEYWORDS = Map.of(
            "gsm8k", List.of(
                    List.of("percent", "%", "ratio", "fraction"),
                    List.of("percent", "%", "ratio", "fraction", "average", "interest", "profit", "discount",
                            "twice", "half", "remaining", "rate")),
            "mmlu", List.of(
                    List.of("group", "ring", "field", "polynomial", "homomorphism", "isomorphi", "subgroup"),
                    List.of("group", "ring", "field", "polynomial", "homomorphism", "isomorphi", "subgroup",
                            "algorithm", "complexity", "compiler", "binary", "processor", "cache", "memory")),
            "mt-bench", List.of(
                    List.of("code", "program", "function", "python", "c++", "sql", "algorithm"),
                    List.of("code", "program", "function", "python", "c++", "sql", "algorithm", "solve", "equation",
                            "probability", "calculate", "prove", "integer", "how many")),
            "routerarena", List.of(
                    List.of("solve the following mathematical problem", "python", "function"),
                    List.of("solve the following mathematical problem", "python", "function", "chess", "calculate",
                            "how many")));

    private PolicyCatalog() {
    }

    /**
     * Every setting for one dataset.
     *
     * @param cheap the model with the lower cost on this dataset: the cascade's first step
     * @param judge the judge model with recorded verdicts on this dataset's answers, or {@code null}
     */
    public static List<PolicySetting> settings(ReplayDataset dataset, String cheap, String judge) {
        String strong = dataset.strongModel();
        String weak = dataset.weakModel();
        String expensive = cheap.equals(strong) ? weak : strong;
        List<PolicySetting> settings = new ArrayList<>();
        settings.add(new PolicySetting("always-strong", "-", "fallback", targets(strong)));
        settings.add(new PolicySetting("always-weak", "-", "fallback", targets(weak)));

        if (!dataset.name().equals("mmlu")) {
            // MMLU's recordings hold grades without answers: no check could tell a good answer from a bad one.
            settings.add(cascade("refusals", cheap, expensive, List.of(), null, 0));
        }
        switch (dataset.name()) {
            case "gsm8k" -> settings.add(cascade("final-answer", cheap, expensive, List.of(NO_GSM8K_FINAL_ANSWER),
                    null, 0));
            case "routerarena" -> settings.add(cascade("boxed-answer", cheap, expensive, List.of(NO_BOXED_ANSWER),
                    null, 0));
            default -> { }
        }
        if (judge != null) {
            for (int minScore : new int[] {7, 9}) {
                settings.add(cascade("judge-" + minScore, cheap, expensive, List.of(), judge, minScore));
            }
        }
        for (int threshold : promptTokenQuartiles(dataset)) {
            ObjectNode config = JsonLines.MAPPER.createObjectNode();
            ObjectNode rule = config.putArray("rules").addObject().put("name", "long").put("target", strong);
            rule.putObject("when").put("min_tokens", threshold);
            config.put("default", weak);
            settings.add(new PolicySetting("router", "min-tokens-" + threshold, "router", config));
        }
        List<List<String>> keywordSets = HARD_KEYWORDS.getOrDefault(dataset.name(), List.of());
        for (int i = 0; i < keywordSets.size(); i++) {
            ObjectNode config = JsonLines.MAPPER.createObjectNode().put("classifier", "keywords")
                    .put("generalist", weak);
            ObjectNode specialist = config.putArray("specialists").addObject().put("label", "hard")
                    .put("target", strong);
            keywordSets.get(i).forEach(specialist.putArray("keywords")::add);
            settings.add(new PolicySetting("specialist", "keywords-" + keywordSets.get(i).size(),
                    "specialist-generalist", config));
        }
        return settings;
    }

    /**
     * The quartiles of the prompts' token counts, as the gateway estimates them (one user message, OpenAI framing),
     * distinct and in order.
     */
    static List<Integer> promptTokenQuartiles(ReplayDataset dataset) {
        int[] tokens = dataset.items().stream().map(ReplayItem::prompt)
                .mapToInt(prompt -> TokenCounter.prompt(List.of(prompt))).sorted().toArray();
        return Arrays.stream(new double[] {0.25, 0.5, 0.75})
                .mapToInt(q -> tokens[(int) Math.min(tokens.length - 1, Math.floor(q * tokens.length))])
                .distinct().boxed().toList();
    }

    private static PolicySetting cascade(String setting, String first, String last, List<String> extraPatterns,
            String judge, int minScore) {
        ObjectNode config = JsonLines.MAPPER.createObjectNode();
        config.putArray("steps").add(first).add(last);
        ArrayNode patterns = config.putArray("refusal_patterns");
        REFUSALS.forEach(patterns::add);
        extraPatterns.forEach(patterns::add);
        if (judge != null) {
            config.putObject("judge").put("target", judge).put("min_score", minScore);
        }
        return new PolicySetting("cascade", setting, "cascade", config);
    }

    private static ObjectNode targets(String model) {
        ObjectNode config = JsonLines.MAPPER.createObjectNode();
        config.putArray("targets").add(model);
        return config;
    }
}
