package ai.switchboard.registry.model;

import ai.switchboard.registry.Capability;
import ai.switchboard.registry.admin.FieldErrors;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** What each field of a model must be, checked before anything reaches the database. */
final class ModelRules {

    static final int MAX_UPSTREAM_MODEL_LENGTH = 256;
    static final int MAX_VERSION_LENGTH = 128;
    static final int MAX_TAGS = 64;
    static final int MAX_TAG_LENGTH = 64;
    static final int MAX_CAPABILITIES = 32;

    private ModelRules() {
    }

    /** The scalar fields, each valid on its own when given. */
    static void check(FieldErrors errors, String name, String upstreamModel, String version, Integer contextWindow,
            Integer maxOutputTokens, BigDecimal inputPrice, BigDecimal outputPrice) {
        errors.name("name", name)
                .text("upstream_model", upstreamModel, MAX_UPSTREAM_MODEL_LENGTH)
                .text("version", version, MAX_VERSION_LENGTH)
                .positive("context_window", contextWindow)
                .positive("max_output_tokens", maxOutputTokens)
                .price("input_price_per_mtok", inputPrice)
                .price("output_price_per_mtok", outputPrice);
    }

    /** A model cannot write more tokens than its whole window holds. */
    static void outputFits(FieldErrors errors, Integer contextWindow, Integer maxOutputTokens) {
        if (contextWindow != null && maxOutputTokens != null && contextWindow > 0
                && maxOutputTokens > contextWindow) {
            errors.add("max_output_tokens", "must not exceed context_window (" + contextWindow + ")");
        }
    }

    /** Validates and normalises capability names to their wire form, dropping duplicates. */
    static List<String> capabilities(FieldErrors errors, List<String> values) {
        Set<String> result = new LinkedHashSet<>();
        if (values != null) {
            errors.maxItems("capabilities", values, MAX_CAPABILITIES);
            for (int i = 0; i < values.size() && i < MAX_CAPABILITIES; i++) {
                try {
                    result.add(Capability.fromWire(values.get(i)).wireName());
                } catch (IllegalArgumentException | NullPointerException e) {
                    errors.add("capabilities[" + i + "]", "must be one of "
                            + Arrays.stream(Capability.values()).map(Capability::wireName).toList());
                }
            }
        }
        return new ArrayList<>(result);
    }

    static List<String> tags(FieldErrors errors, List<String> values) {
        Set<String> result = new LinkedHashSet<>();
        if (values != null) {
            errors.maxItems("tags", values, MAX_TAGS);
            for (int i = 0; i < values.size() && i < MAX_TAGS; i++) {
                String tag = values.get(i);
                FieldErrors tagErrors = new FieldErrors().required("tags[" + i + "]", tag)
                        .text("tags[" + i + "]", tag, MAX_TAG_LENGTH);
                if (tagErrors.isEmpty()) {
                    result.add(tag);
                } else {
                    errors.addAll(tagErrors);
                }
            }
        }
        return List.copyOf(result);
    }

    /** Prices are equal when their values are, whatever their scale (0.6 and 0.600000). */
    static boolean pricesDiffer(BigDecimal wanted, BigDecimal stored) {
        return wanted == null ? stored != null : stored == null || wanted.compareTo(stored) != 0;
    }
}
