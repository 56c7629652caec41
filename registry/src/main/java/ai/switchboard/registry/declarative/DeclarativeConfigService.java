package ai.switchboard.registry.declarative;

import ai.switchboard.registry.admin.FieldError;
import ai.switchboard.registry.admin.RegistryValidationException;
import ai.switchboard.registry.admin.StrictBinding;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/**
 * Applies a declarative registry file (YAML, or JSON) and exports the live registry in the same format. Blocking
 * (JPA): call it on the {@code registryScheduler}.
 *
 * <p>An apply is all or nothing: every section runs in one transaction, every problem is collected, and if there is
 * any the transaction rolls back and one {@link RegistryValidationException} lists them all. Entries are matched by
 * name and only fields that differ are changed, so applying the same file twice changes nothing (no audit row, no
 * revision bump). Entities the file does not mention are left alone.
 */
@Service
public class DeclarativeConfigService {

    /** Serialises applies across replicas starting at once with the same file (pg_advisory_xact_lock key). */
    private static final long APPLY_LOCK = 0x5377_6974_6368_0001L;

    private final List<DeclarativeSection> sections;
    private final JdbcTemplate jdbc;
    private final Function<String, String> environment;
    /**
     * Reads the file as strictly as the admin API reads JSON (no type coercion, no repeated keys). Writes strings that
     * look like numbers quoted ({@code max_concurrent_calls: "64"}), or the export would not apply as-is.
     */
    private final YAMLMapper yaml = StrictBinding.configure(YAMLMapper.builder()
            .disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
            .enable(YAMLWriteFeature.MINIMIZE_QUOTES)
            .enable(YAMLWriteFeature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS))
            .build();

    public DeclarativeConfigService(List<DeclarativeSection> sections, JdbcTemplate jdbc, Environment environment) {
        this.sections = sections.stream().sorted(Comparator.comparingInt(DeclarativeSection::order)).toList();
        this.jdbc = jdbc;
        this.environment = environment::getProperty;
    }

    /**
     * @param text the file: a mapping of section keys ({@code providers}, {@code models}, {@code routes},
     *     {@code keys}) to lists
     * @throws RegistryValidationException listing every problem; nothing has changed then
     */
    @Transactional
    public ApplyResult apply(String text, String actor) {
        return applyEntries(parse(text), actor);
    }

    /**
     * Applies a file already split into its sections' entries (a rollback builds one from history), with the same
     * rules as {@link #apply}: all or nothing, only differences written.
     */
    @Transactional
    public ApplyResult applyEntries(Map<String, List<JsonNode>> parsed, String actor) {
        jdbc.query("SELECT pg_advisory_xact_lock(?)", rows -> null, APPLY_LOCK);
        ApplyContext context = new ApplyContext(actor, environment, yaml);
        Map<String, SectionResult> results = new LinkedHashMap<>();
        for (DeclarativeSection section : sections) {
            results.put(section.key(), section.apply(parsed.getOrDefault(section.key(), List.of()), context));
        }
        if (!context.errors().isEmpty()) {
            // Thrown out of the transaction: everything this apply did is rolled back.
            throw new RegistryValidationException(context.errors());
        }
        return new ApplyResult(results.values().stream().anyMatch(SectionResult::changed), results);
    }

    /** The sections, in apply order. */
    public List<DeclarativeSection> sections() {
        return sections;
    }

    /** A file tree (a registry at some revision, say) written as the declarative file (YAML). */
    public String toYaml(Map<String, ? extends List<?>> file) {
        return yaml.writeValueAsString(file);
    }

    /** The live registry as a declarative file (YAML), with secrets omitted. */
    @Transactional(readOnly = true)
    public String exportYaml() {
        return yaml.writeValueAsString(export());
    }

    /** The live registry as the declarative file's tree, with secrets omitted. */
    @Transactional(readOnly = true)
    public Map<String, List<?>> export() {
        Map<String, List<?>> file = new LinkedHashMap<>();
        sections.forEach(section -> file.put(section.key(), section.export()));
        return file;
    }

    private Map<String, List<JsonNode>> parse(String text) {
        if (text == null || text.isBlank()) {
            throw new RegistryValidationException("body", "is empty; expected a declarative registry file");
        }
        JsonNode root;
        try {
            root = yaml.readTree(text);
        } catch (StreamReadException e) {
            FieldError error = StrictBinding.error(e);
            throw new RegistryValidationException(error.field(), error.field().equals("body")
                    ? "is not valid YAML or JSON: " + e.getOriginalMessage() : error.message());
        } catch (JacksonException e) {
            throw new RegistryValidationException("body", "is not valid YAML or JSON");
        }
        if (root == null || !root.isObject()) {
            throw new RegistryValidationException("body", "must be a mapping of sections "
                    + sections.stream().map(DeclarativeSection::key).toList());
        }
        List<FieldError> errors = new ArrayList<>();
        Map<String, List<JsonNode>> parsed = new LinkedHashMap<>();
        List<String> known = sections.stream().map(DeclarativeSection::key).toList();
        for (String key : root.propertyNames()) {
            JsonNode value = root.get(key);
            if (!known.contains(key)) {
                errors.add(new FieldError(key, "unknown section; expected one of "
                        + known));
            } else if (value.isNull()) {
                parsed.put(key, List.of());
            } else if (!value.isArray()) {
                errors.add(new FieldError(key, "must be a list"));
            } else {
                List<JsonNode> entries = new ArrayList<>();
                value.forEach(entries::add);
                duplicates(key, entries, errors);
                parsed.put(key, entries);
            }
        }
        if (!errors.isEmpty()) {
            throw new RegistryValidationException(errors);
        }
        return parsed;
    }

    private static void duplicates(String key, List<JsonNode> entries,
            List<FieldError> errors) {
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            JsonNode name = entries.get(i).get("name");
            if (name != null && name.isString()) {
                Integer first = seen.putIfAbsent(name.asString(), i);
                if (first != null) {
                    errors.add(new FieldError(key + "[" + i + "].name",
                            "duplicates " + key + "[" + first + "]"));
                }
            }
        }
    }
}
