package ai.switchboard.registry.prompt;

import ai.switchboard.registry.PromptConfig;
import ai.switchboard.registry.PromptReference;
import ai.switchboard.registry.admin.ColumnLimits;
import ai.switchboard.registry.admin.DatabaseErrors;
import ai.switchboard.registry.admin.FieldErrors;
import ai.switchboard.registry.admin.IdOrName;
import ai.switchboard.registry.admin.RegistryConflictException;
import ai.switchboard.registry.admin.RegistryNotFoundException;
import ai.switchboard.registry.admin.RegistryValidationException;
import ai.switchboard.registry.snapshot.RegistryChangeRecorder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Creates prompts, adds versions, moves labels, renders previews and deletes prompts. Blocking (JPA): call it on the
 * {@code registryScheduler}. A version, once written, never changes (the database refuses an update too); a label
 * moves to any existing version and back, which is how a rollback is done. Templates are compiled on write, so one
 * that does not compile is refused with the line (and column where known) of the problem.
 */
@Service
@Transactional
public class PromptAdminService {

    /** The entity type in audit rows and error messages. */
    public static final String ENTITY = "prompt";

    static final int MAX_DESCRIPTION = 512;
    static final int MAX_LABELS = 32;

    /** Like an agent's: it appears in admin paths before {@code :render}, so neither {@code :} nor {@code /}. */
    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9._-]{1,128}");
    private static final Pattern LABEL = Pattern.compile("[a-zA-Z0-9._-]{1,64}");

    private final PromptRepository prompts;
    private final PromptVersionRepository versions;
    private final ObjectProvider<PromptUsers> users;
    private final RegistryChangeRecorder changes;

    public PromptAdminService(PromptRepository prompts, PromptVersionRepository versions,
            ObjectProvider<PromptUsers> users, RegistryChangeRecorder changes) {
        this.prompts = prompts;
        this.versions = versions;
        this.users = users;
        this.changes = changes;
    }

    /** A new prompt with its first version. */
    public PromptView create(PromptCommand command, String actor) {
        FieldErrors errors = new FieldErrors().required("name", command.name()).required("template",
                command.template());
        checkName(errors, command.name());
        errors.text("description", command.description(), MAX_DESCRIPTION);
        if (command.moves() != null) {
            errors.add("labels", "must be a list of label names for the new version");
        }
        List<String> labels = command.labels() == null ? List.of(PromptConfig.PRODUCTION)
                : labels(errors, command.labels());
        Map<String, Object> template = template(errors, command.template());
        errors.throwIfAny();
        if (prompts.existsByName(command.name())) {
            throw new RegistryConflictException("A prompt named '" + command.name() + "' already exists", "name");
        }
        Instant now = Instant.now();
        PromptEntity prompt = new PromptEntity(UUID.randomUUID(), command.name(), now);
        prompt.setDescription(command.description());
        Map<String, Integer> pointing = new TreeMap<>();
        labels.forEach(label -> pointing.put(label, 1));
        prompt.setLabels(pointing);
        save(prompt);
        PromptVersionEntity first = new PromptVersionEntity(UUID.randomUUID(), prompt.getId(), 1, template, now);
        versions.saveAndFlush(first);
        changes.recordChange(actor, "create", ENTITY, prompt.getId(), prompt.getName(), null,
                state(prompt, 1, template), now);
        return PromptView.of(prompt, List.of(first));
    }

    /** The next version of a prompt; the labels given move to it. */
    public PromptView addVersion(String idOrName, PromptCommand command, String actor) {
        PromptEntity prompt = find(idOrName);
        FieldErrors errors = new FieldErrors().required("template", command.template());
        if (command.name() != null || command.description() != null || command.moves() != null) {
            errors.add("template", "a new version takes only \"template\" and \"labels\"");
        }
        List<String> labels = command.labels() == null ? List.of() : labels(errors, command.labels());
        Map<String, Object> template = template(errors, command.template());
        errors.throwIfAny();
        int version = versions.findFirstByPromptIdOrderByVersionDesc(prompt.getId())
                .map(PromptVersionEntity::getVersion).orElse(0) + 1;
        Instant now = Instant.now();
        Map<String, Object> before = state(prompt, version - 1, null);
        Map<String, Integer> pointing = prompt.getLabels();
        labels.forEach(label -> pointing.put(label, version));
        if (pointing.size() > MAX_LABELS) {
            throw new RegistryValidationException("labels", "a prompt has at most " + MAX_LABELS + " labels");
        }
        prompt.setLabels(pointing);
        prompt.touch(now);
        save(prompt);
        versions.saveAndFlush(new PromptVersionEntity(UUID.randomUUID(), prompt.getId(), version, template, now));
        changes.recordChange(actor, "update", ENTITY, prompt.getId(), prompt.getName(), before,
                state(prompt, version, template), now);
        return PromptView.of(prompt, versions.findByPromptIdOrderByVersionAsc(prompt.getId()));
    }

    /** Changes the description and moves, sets or removes labels; a change to nothing records and bumps nothing. */
    public PromptView update(String idOrName, PromptCommand command, boolean clearDescription, String actor) {
        PromptEntity prompt = find(idOrName);
        List<PromptVersionEntity> all = versions.findByPromptIdOrderByVersionAsc(prompt.getId());
        int latest = all.getLast().getVersion();
        FieldErrors errors = new FieldErrors().text("description", command.description(), MAX_DESCRIPTION);
        if (command.name() != null || command.template() != null || command.labels() != null) {
            errors.add("template", "versions never change: POST a new version to .../versions; a PATCH takes "
                    + "\"description\" and \"labels\" (label to version, null to remove)");
        }
        Map<String, Integer> pointing = prompt.getLabels();
        Map<String, Integer> moves = command.moves() == null ? Map.of() : command.moves();
        for (Map.Entry<String, Integer> move : moves.entrySet()) {
            String field = "labels." + move.getKey();
            if (!LABEL.matcher(move.getKey()).matches()) {
                errors.add(field, "must be a label of 1 to 64 letters, digits and . _ -");
            } else if (move.getValue() == null) {
                pointing.remove(move.getKey());
            } else if (move.getValue() < 1 || move.getValue() > latest) {
                errors.add(field, "no version " + move.getValue() + " (versions are 1 to " + latest + ")");
            } else {
                pointing.put(move.getKey(), move.getValue());
            }
        }
        if (pointing.size() > MAX_LABELS) {
            errors.add("labels", "a prompt has at most " + MAX_LABELS + " labels");
        }
        errors.throwIfAny();
        checkStillResolvable(prompt.getName(), pointing, latest);
        Map<String, Object> before = state(prompt, latest, null);
        String description = clearDescription ? null
                : command.description() != null ? command.description() : prompt.getDescription();
        if (Objects.equals(description, prompt.getDescription()) && pointing.equals(prompt.getLabels())) {
            return PromptView.of(prompt, all);
        }
        prompt.setDescription(description);
        prompt.setLabels(pointing);
        Instant now = Instant.now();
        prompt.touch(now);
        save(prompt);
        changes.recordChange(actor, "update", ENTITY, prompt.getId(), prompt.getName(), before,
                state(prompt, latest, null), now);
        return PromptView.of(prompt, all);
    }

    @Transactional(readOnly = true)
    public List<PromptView> list() {
        return prompts.findAllByOrderByNameAsc().stream()
                .map(p -> PromptView.of(p, versions.findByPromptIdOrderByVersionAsc(p.getId()))).toList();
    }

    @Transactional(readOnly = true)
    public PromptView get(String idOrName) {
        PromptEntity prompt = find(idOrName);
        return PromptView.of(prompt, versions.findByPromptIdOrderByVersionAsc(prompt.getId()));
    }

    /**
     * Renders the version a label or number names (the {@code production} label when neither) with
     * {@code variables}, as a model call would send it. Changes nothing.
     */
    @Transactional(readOnly = true)
    public RenderView render(String idOrName, String label, Integer version, JsonNode variables) {
        PromptEntity prompt = find(idOrName);
        FieldErrors errors = new FieldErrors();
        if (label != null && version != null) {
            errors.add("version", "give a label or a version, not both");
        }
        if (variables != null && !variables.isObject()) {
            errors.add("variables", "must be a JSON object");
        }
        errors.throwIfAny();
        PromptReference reference = new PromptReference(prompt.getName(), label, version);
        Integer resolved = reference.version() != null ? reference.version()
                : prompt.getLabels().get(label != null ? label : PromptConfig.PRODUCTION);
        PromptVersionEntity row = resolved == null ? null
                : versions.findByPromptIdAndVersion(prompt.getId(), resolved).orElse(null);
        if (row == null) {
            throw new RegistryValidationException(version != null ? "version" : "label",
                    "prompt '" + prompt.getName() + "' has no " + (version != null ? "version " + version
                            : "label '" + (label != null ? label : PromptConfig.PRODUCTION) + "'"));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> values = variables == null ? Map.of()
                : JsonMapper.shared().convertValue(variables, Map.class);
        RenderedPrompt rendered;
        try {
            rendered = PromptTemplate.stored(JsonMapper.shared().valueToTree(row.getTemplate())).render(values);
        } catch (PromptRenderException e) {
            throw new RegistryValidationException("variables", e.getMessage());
        }
        return new RenderView(prompt.getName(), row.getVersion(), rendered.text(), rendered.messages());
    }

    /** Refused while an agent or route names the prompt. */
    public void delete(String idOrName, String actor) {
        PromptEntity prompt = find(idOrName);
        List<String> using = users.orderedStream().flatMap(u -> u.referencesTo(prompt.getName()).stream())
                .map(PromptUsers.Reference::user).distinct().sorted().toList();
        if (!using.isEmpty()) {
            throw new RegistryConflictException("Prompt '" + prompt.getName() + "' is used by " + using
                    + ": change them first");
        }
        int latest = versions.findFirstByPromptIdOrderByVersionDesc(prompt.getId())
                .map(PromptVersionEntity::getVersion).orElse(0);
        Map<String, Object> before = state(prompt, latest, null);
        prompts.delete(prompt);
        prompts.flush();
        changes.recordChange(actor, "delete", ENTITY, prompt.getId(), prompt.getName(), before, null, Instant.now());
    }

    /** A label removal or a move must leave every reference to this prompt resolvable. */
    private void checkStillResolvable(String name, Map<String, Integer> pointing, int latest) {
        for (PromptUsers user : users.orderedStream().toList()) {
            for (PromptUsers.Reference ref : user.referencesTo(name)) {
                PromptReference r = ref.reference();
                boolean ok = r.version() != null ? r.version() <= latest
                        : pointing.containsKey(r.label() != null ? r.label() : PromptConfig.PRODUCTION);
                if (!ok) {
                    throw new RegistryConflictException("Label '" + (r.label() != null ? r.label()
                            : PromptConfig.PRODUCTION) + "' of prompt '" + name + "' is used by " + ref.user()
                            + ": it cannot be removed", "labels");
                }
            }
        }
    }

    static void checkName(FieldErrors errors, String name) {
        if (name != null && !NAME.matcher(name).matches()) {
            errors.add("name", "must be 1 to 128 characters of letters, digits and . _ -");
        } else {
            errors.name("name", name);
        }
    }

    private static List<String> labels(FieldErrors errors, List<String> labels) {
        List<String> valid = new ArrayList<>();
        if (labels.size() > MAX_LABELS) {
            errors.add("labels", "must have at most " + MAX_LABELS + " labels");
            return valid;
        }
        for (int i = 0; i < labels.size(); i++) {
            String label = labels.get(i);
            if (label == null || !LABEL.matcher(label).matches()) {
                errors.add("labels[" + i + "]", "must be a label of 1 to 64 letters, digits and . _ -");
            } else if (!valid.contains(label)) {
                valid.add(label);
            }
        }
        return valid;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> template(FieldErrors errors, JsonNode template) {
        if (template == null) {
            return null;
        }
        PromptTemplate compiled = PromptTemplate.parse(errors, "template", template);
        return compiled == null ? null : JsonMapper.shared().convertValue(template, Map.class);
    }

    private PromptEntity find(String idOrName) {
        UUID id = IdOrName.asUuid(idOrName);
        return (id != null ? prompts.findById(id) : prompts.findByName(idOrName))
                .orElseThrow(() -> new RegistryNotFoundException(ENTITY, idOrName));
    }

    private void save(PromptEntity prompt) {
        ColumnLimits.check(prompt);
        try {
            prompts.saveAndFlush(prompt);
        } catch (DataAccessException e) {
            throw DatabaseErrors.translate(e, ENTITY, prompt.getName(), prompt);
        }
    }

    /** What the audit trail records: the description, the labels, the latest version and its template if new. */
    private static Map<String, Object> state(PromptEntity p, int latest, Map<String, Object> template) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("description", p.getDescription());
        fields.put("labels", new TreeMap<>(p.getLabels()));
        fields.put("latest_version", latest);
        if (template != null) {
            fields.put("template", template);
        }
        return RegistryChangeRecorder.state(p.getName(), fields);
    }
}
