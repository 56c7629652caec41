package ai.switchboard.gateway.eval.dataset;

import ai.switchboard.gateway.eval.grade.Grader;
import ai.switchboard.gateway.eval.grade.Graders;
import ai.switchboard.registry.RegistrySnapshot;
import ai.switchboard.registry.admin.FieldErrors;
import ai.switchboard.registry.admin.IdOrName;
import ai.switchboard.registry.admin.RegistryConflictException;
import ai.switchboard.registry.admin.RegistryNotFoundException;
import ai.switchboard.registry.prompt.PromptTemplate;
import ai.switchboard.registry.snapshot.RegistrySnapshotManager;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Creates datasets, imports their cases from JSONL, reads and deletes them. Blocking: call it on the registry
 * scheduler. A dataset's grader and template are checked when it is created and every case when it is imported, so a
 * stored case can always be graded.
 */
public class Datasets {

    public static final String ENTITY = "dataset";
    static final int MAX_DESCRIPTION = 512;
    /** Like a prompt's: it appears in admin paths, so neither {@code :} nor {@code /}. */
    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9._-]{1,128}");

    private final JdbcDatasets jdbc;
    private final TransactionTemplate transactions;
    private final RegistrySnapshotManager snapshots;
    private final Clock clock;
    private final Predicate<UUID> evaluated;

    /** @param evaluated whether an evaluation ran a dataset, which then cannot be deleted */
    public Datasets(JdbcDatasets jdbc, TransactionTemplate transactions, RegistrySnapshotManager snapshots,
            Clock clock, Predicate<UUID> evaluated) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.snapshots = snapshots;
        this.clock = clock;
        this.evaluated = evaluated;
    }

    /** Whether {@code name} is a model or route the gateway serves now (a judge or an evaluation target). */
    public static Predicate<String> targetsOf(RegistrySnapshot snapshot) {
        return name -> snapshot.model(name) != null || snapshot.route(name) != null;
    }

    public DatasetView create(String name, String description, JsonNode grader, JsonNode template) {
        FieldErrors errors = new FieldErrors().required("name", name).required("grader", grader);
        if (name != null && !NAME.matcher(name).matches()) {
            errors.add("name", "must be 1 to 128 characters of letters, digits and . _ -");
        } else {
            // Refuses what would be read as an id, or as a path step, where {id} takes a name.
            errors.name("name", name);
        }
        errors.text("description", description, MAX_DESCRIPTION);
        Grader parsed = grader == null ? null
                : Graders.parse(errors, "grader", grader, targetsOf(snapshots.current()));
        if (template != null) {
            PromptTemplate.parse(errors, "template", template);
        }
        errors.throwIfAny();
        UUID id = UUID.randomUUID();
        try {
            jdbc.insert(id, name, description, parsed.spec(), template, clock.instant());
        } catch (DuplicateKeyException e) {
            throw new RegistryConflictException("A dataset named '" + name + "' already exists", "name");
        }
        return find(id.toString());
    }

    /** Appends the cases of a JSONL body; all or none. */
    public DatasetView importCases(String idOrName, String jsonl) {
        return transactions.execute(status -> {
            DatasetView dataset = find(idOrName, true);
            Grader grader = Graders.parse(new FieldErrors(), "grader", dataset.grader(), name -> true);
            PromptTemplate template = dataset.template() == null ? null : PromptTemplate.stored(dataset.template());
            List<DatasetCase> cases = JsonlCases.parse(jsonl, dataset.caseCount() + 1, template, grader,
                    targetsOf(snapshots.current()));
            jdbc.insertCases(dataset.id(), cases, clock.instant());
            return find(dataset.id().toString());
        });
    }

    public List<DatasetView> list() {
        return jdbc.list();
    }

    public DatasetView find(String idOrName) {
        return find(idOrName, false);
    }

    public DatasetView withCases(String idOrName) {
        DatasetView dataset = find(idOrName);
        return dataset.withCases(jdbc.cases(dataset.id()).stream().map(DatasetView.CaseView::of).toList());
    }

    public List<DatasetCase> cases(UUID datasetId) {
        return jdbc.cases(datasetId);
    }

    /** Refused once an evaluation ran the dataset: its reports name the cases. */
    public void delete(String idOrName) {
        DatasetView dataset = find(idOrName);
        if (evaluated.test(dataset.id())) {
            throw new RegistryConflictException("Dataset '" + dataset.name() + "' has evaluations: their reports "
                    + "refer to its cases");
        }
        try {
            jdbc.delete(dataset.id());
        } catch (DataIntegrityViolationException e) {
            throw new RegistryConflictException("Dataset '" + dataset.name() + "' has evaluations: their reports "
                    + "refer to its cases");
        }
    }

    private DatasetView find(String idOrName, boolean lock) {
        UUID id = IdOrName.asUuid(idOrName);
        return jdbc.find(id, id == null ? idOrName : null, lock)
                .orElseThrow(() -> new RegistryNotFoundException(ENTITY, idOrName));
    }
}
