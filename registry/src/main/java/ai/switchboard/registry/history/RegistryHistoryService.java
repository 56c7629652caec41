package ai.switchboard.registry.history;

import ai.switchboard.registry.admin.IdOrName;
import ai.switchboard.registry.admin.RegistryNotFoundException;
import ai.switchboard.registry.admin.RegistryValidationException;
import ai.switchboard.registry.declarative.DeclarativeConfigService;
import ai.switchboard.registry.declarative.DeclarativeSection;
import ai.switchboard.registry.snapshot.RegistryRevisions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * Reads the registry history: one entity's versions, and the whole registry as it was at a revision, in the
 * declarative file's form. Blocking (JDBC): call it on the {@code registryScheduler}.
 */
@Service
@Transactional(readOnly = true)
public class RegistryHistoryService {

    private final DeclarativeConfigService config;
    private final HistoryStore store;
    private final RegistryRevisions revisions;

    public RegistryHistoryService(DeclarativeConfigService config, HistoryStore store, RegistryRevisions revisions) {
        this.config = config;
        this.store = store;
        this.revisions = revisions;
    }

    /**
     * The versions of one entity, oldest first.
     *
     * @param kind the admin API's collection ({@code models}, {@code cache-policies}, ...)
     * @param idOrName its id, or its current (or last) name
     */
    public List<HistoryVersion> versions(String kind, String idOrName) {
        DeclarativeSection section = section(kind);
        UUID id = IdOrName.asUuid(idOrName);
        List<HistoryVersion> versions = id != null ? store.versions(section.historyType(), id, idOrName)
                : store.versionsByName(section.historyType(), idOrName);
        if (versions.isEmpty()) {
            throw new RegistryNotFoundException(section.historyType(), idOrName);
        }
        return versions;
    }

    /** The section behind an admin API collection that keeps history, or 404. */
    DeclarativeSection section(String kind) {
        String key = kind == null ? "" : kind.replace('-', '_');
        return config.sections().stream().filter(s -> s.historyType() != null && s.key().equals(key)).findFirst()
                .orElseThrow(() -> new RegistryNotFoundException("history kind", kind));
    }

    /**
     * The registry at {@code revision} as the declarative file's tree: every section that keeps history and whose
     * history is complete at that revision (a kind hooked in later is left out).
     */
    public Map<String, List<JsonNode>> exportAt(long revision) {
        Map<String, Long> starts = checkRevision(revision);
        Map<String, DeclarativeSection> byType = new LinkedHashMap<>(HistorySections.byType(config.sections()));
        byType.keySet().removeIf(type -> starts.getOrDefault(type, 0L) > revision);
        Map<String, List<JsonNode>> file = new LinkedHashMap<>();
        byType.values().forEach(section -> file.put(section.key(), new ArrayList<>()));
        for (HistoryVersion version : store.latestAt(revision)) {
            DeclarativeSection section = byType.get(version.entityType());
            if (section != null && version.form() != null) {
                file.get(section.key()).add(version.form());
            }
        }
        byType.values().forEach(section -> file.get(section.key()).sort(Comparator.comparing(
                entry -> String.valueOf(HistorySections.identity(section, entry)))));
        return file;
    }

    /** The registry at {@code revision} as a declarative file (YAML). */
    public String exportYamlAt(long revision) {
        return config.toYaml(exportAt(revision));
    }

    /**
     * Refuses a revision history cannot rebuild (not reached yet, or before history began); returns
     * each kind's first complete revision.
     */
    Map<String, Long> checkRevision(long revision) {
        long current = revisions.current();
        if (revision < 0 || revision > current) {
            throw new RegistryValidationException("revision", "must be between 0 and the current revision, "
                    + current);
        }
        Map<String, Long> starts = store.startRevisions();
        // The first baseline is when history began; a kind that started later is left out of older revisions.
        long start = starts.values().stream().mapToLong(Long::longValue).filter(r -> r > 0).min().orElse(0);
        if (revision < start) {
            throw new RegistryValidationException("revision", "is before the registry history began (revision "
                    + start + ")");
        }
        return starts;
    }
}
