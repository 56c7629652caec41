package ai.switchboard.registry.declarative;

import ai.switchboard.registry.admin.RegistryConflictException;
import ai.switchboard.registry.admin.RegistryNotFoundException;
import ai.switchboard.registry.admin.RegistryValidationException;
import ai.switchboard.registry.admin.StorableJson;
import ai.switchboard.registry.prompt.PromptAdminService;
import ai.switchboard.registry.prompt.PromptCommand;
import ai.switchboard.registry.prompt.PromptVersionView;
import ai.switchboard.registry.prompt.PromptView;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * {@code prompts:} — matched by name, after models and before routes and agents (both may name a prompt). Versions
 * are appended through the admin service, so each is compiled and checked as an admin API write is; a file whose
 * listed versions differ from stored ones is refused, since a stored version never changes.
 */
@Component
class PromptSection implements DeclarativeSection {

    private final PromptAdminService service;

    PromptSection(PromptAdminService service) {
        this.service = service;
    }

    @Override
    public String key() {
        return "prompts";
    }

    @Override
    public int order() {
        return 250;
    }

    @Override
    public SectionResult apply(List<JsonNode> entries, ApplyContext context) {
        SectionResult result = SectionResult.none();
        for (int i = 0; i < entries.size(); i++) {
            String path = key() + "[" + i + "]";
            PromptEntry entry = context.bind(entries.get(i), path, PromptEntry.class, PromptEntry.FIELDS, Set.of());
            if (entry == null) {
                continue;
            }
            if (entry.versions() == null || entry.versions().isEmpty()) {
                context.error(path + ".versions", "must list at least one template");
                continue;
            }
            try {
                result = result.plus(upsert(entry, path, context));
            } catch (RegistryValidationException e) {
                context.errors(path, e);
            } catch (RegistryConflictException | RegistryNotFoundException e) {
                context.error(path, e.getMessage());
            }
        }
        return result;
    }

    private SectionResult upsert(PromptEntry e, String path, ApplyContext context) {
        String actor = context.actor();
        PromptView current = null;
        boolean created = false;
        try {
            current = e.name() == null ? null : service.get(e.name());
        } catch (RegistryNotFoundException missing) {
            // created below
        }
        if (current == null) {
            current = service.create(new PromptCommand(e.name(), e.description(), e.versions().getFirst(),
                    e.labels() == null ? null : List.of(), null), actor);
            created = true;
        }
        List<PromptVersionView> stored = current.versions();
        for (int v = 0; v < Math.min(stored.size(), e.versions().size()); v++) {
            if (!StorableJson.same(e.versions().get(v), stored.get(v).template())) {
                context.error(path + ".versions[" + v + "]", "differs from stored version " + (v + 1)
                        + ", and versions never change: add a new version at the end instead");
                return SectionResult.ofUnchanged();
            }
        }
        boolean changed = created;
        for (int v = stored.size(); v < e.versions().size(); v++) {
            current = service.addVersion(current.name(), new PromptCommand(null, null, e.versions().get(v), null,
                    null), actor);
            changed = true;
        }
        Map<String, Integer> moves = e.labels() == null ? Map.of() : new HashMap<>(e.labels());
        if (e.labels() != null) {
            current.labels().keySet().stream().filter(label -> !e.labels().containsKey(label))
                    .forEach(label -> moves.put(label, null));
        }
        boolean describe = e.description() != null && !e.description().equals(current.description());
        if (describe || !moves.isEmpty()) {
            PromptView before = current;
            current = service.update(current.name(), new PromptCommand(null, describe ? e.description() : null,
                    null, null, moves), false, actor);
            changed |= !current.labels().equals(before.labels()) || describe;
        }
        return created ? SectionResult.ofCreated() : changed ? SectionResult.ofUpdated()
                : SectionResult.ofUnchanged();
    }

    @Override
    public List<PromptEntry> export() {
        return service.list().stream().map(p -> new PromptEntry(p.name(), p.description(),
                p.versions().stream().map(PromptVersionView::template).toList(), p.labels())).toList();
    }
}
