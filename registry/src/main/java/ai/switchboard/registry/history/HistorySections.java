package ai.switchboard.registry.history;

import ai.switchboard.registry.declarative.DeclarativeSection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The declarative sections that keep history, and their live entries as JSON trees. */
final class HistorySections {

    static final JsonMapper JSON = JsonMapper.shared();

    private HistorySections() {
    }

    /** Sections by the audit entity type they keep history for. */
    static Map<String, DeclarativeSection> byType(List<DeclarativeSection> sections) {
        Map<String, DeclarativeSection> byType = new LinkedHashMap<>();
        sections.stream().filter(section -> section.historyType() != null)
                .forEach(section -> byType.put(section.historyType(), section));
        return byType;
    }

    /** The section's live entries by the name audit rows give them. */
    static Map<String, JsonNode> liveByName(DeclarativeSection section) {
        Map<String, JsonNode> live = new LinkedHashMap<>();
        for (JsonNode entry : live(section)) {
            String name = section.entryName(entry);
            if (name != null) {
                live.putIfAbsent(name, entry);
            }
        }
        return live;
    }

    /** The section's live entries as the export writes them. */
    static List<JsonNode> live(DeclarativeSection section) {
        return section.export().stream().map(entry -> (JsonNode) JSON.valueToTree(entry)).toList();
    }

    /** Whether a live entry is the stored form: compared as stored (jsonb) text reads back, so numbers compare. */
    static boolean sameForm(JsonNode live, JsonNode stored) {
        return JSON.readTree(JSON.writeValueAsString(live)).equals(stored);
    }

    /**
     * What tells two entries of a section apart: the name audit rows use, and the target type where a section is
     * matched by target (a limit on key "x" and one on model "x").
     */
    static String identity(DeclarativeSection section, JsonNode entry) {
        JsonNode targetType = entry.get("target_type");
        return section.entryName(entry) + (targetType == null ? "" : "\u0000" + targetType.asString());
    }
}
