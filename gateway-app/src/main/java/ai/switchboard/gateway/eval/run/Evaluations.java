package ai.switchboard.gateway.eval.run;

import ai.switchboard.gateway.eval.dataset.DatasetCase;
import ai.switchboard.gateway.eval.dataset.DatasetView;
import ai.switchboard.gateway.eval.dataset.Datasets;
import ai.switchboard.gateway.eval.grade.Grade;
import ai.switchboard.gateway.eval.grade.Grader;
import ai.switchboard.gateway.eval.grade.Graders;
import ai.switchboard.gateway.eval.grade.JudgeGrader;
import ai.switchboard.gateway.eval.grade.LocalGrader;
import ai.switchboard.observability.feedback.FeedbackFilter;
import ai.switchboard.observability.feedback.FeedbackTotals;
import ai.switchboard.observability.feedback.JdbcFeedbackStore;
import ai.switchboard.providers.api.ChatMessage;
import ai.switchboard.providers.json.WireJson;
import ai.switchboard.registry.ApiKeyRecord;
import ai.switchboard.registry.KeyScope;
import ai.switchboard.registry.RegistrySnapshot;
import ai.switchboard.registry.RouteConfig;
import ai.switchboard.registry.admin.FieldErrors;
import ai.switchboard.registry.admin.RegistryNotFoundException;
import ai.switchboard.registry.snapshot.RegistrySnapshotManager;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;

/**
 * Runs evaluations: every case of a dataset against every target, at most {@code concurrency} cases in flight, each
 * answer graded and stored as it ends. Asynchronous: {@link #start} returns once the run is stored, and the run goes
 * on detached from the request that started it. A run stops starting cases once it has spent its cost cap (the cases
 * in flight then still end and are kept, so the cap can be passed by at most {@code concurrency} cases). A run is
 * resumable: what is done is in the database, so a replica that takes over a dead one's run ({@link
 * EvaluationSweeper}) runs only the cases without a result.
 */
public class Evaluations {

    private static final Logger log = LoggerFactory.getLogger(Evaluations.class);

    public static final int DEFAULT_CONCURRENCY = 4;
    public static final int MAX_CONCURRENCY = 32;
    public static final int MAX_TARGETS = 8;
    static final BigDecimal MAX_COST_CAP = new BigDecimal("1000000");
    private static final int MAX_ERROR_CHARS = 1_000;
    private static final int LIST_LIMIT = 100;
    private static final int FEEDBACK_DAYS = 30;

    private final JdbcEvaluations jdbc;
    private final Datasets datasets;
    private final RegistrySnapshotManager snapshots;
    private final TargetCalls calls;
    private final CandidateRoutes candidates;
    private final JdbcFeedbackStore feedback;
    private final Scheduler scheduler;
    private final Clock clock;
    private final String replica;
    private final Map<String, Disposable> live = new ConcurrentHashMap<>();

    public Evaluations(JdbcEvaluations jdbc, Datasets datasets, RegistrySnapshotManager snapshots, TargetCalls calls,
            CandidateRoutes candidates, JdbcFeedbackStore feedback, Scheduler scheduler, Clock clock,
            String replica) {
        this.candidates = candidates;
        this.feedback = feedback;
        this.jdbc = jdbc;
        this.datasets = datasets;
        this.snapshots = snapshots;
        this.calls = calls;
        this.scheduler = scheduler;
        this.clock = clock;
        this.replica = replica;
    }

    public String replica() {
        return replica;
    }

    /** Checks and stores the run, then starts it here; the report as it is at the start. */
    public Mono<EvaluationReport> start(EvaluationCommand command, String actor) {
        return Mono.fromCallable(() -> {
            StoredEvaluation run = checked(command, actor, null);
            jdbc.insert(run, replica, clock.instant());
            return run.id();
        }).subscribeOn(scheduler).doOnNext(this::launch).flatMap(this::report);
    }

    /**
     * The promotion gate: runs the dataset against {@code route} as it is and as {@code change} (a route PATCH body)
     * would make it, reported as {@code <route>} and {@code <route>@candidate}. The change is checked as the PATCH
     * would check it, and never applied.
     */
    public Mono<EvaluationReport> startGate(String route, JsonNode change, EvaluationCommand command, String actor) {
        return Mono.fromCallable(() -> {
            RouteConfig candidate = candidates.candidate(route, change);
            JsonNode stored = WireJson.mapper().createObjectNode().put("route", candidate.name()).set("change", change);
            StoredEvaluation run = checked(new EvaluationCommand(command.dataset(), List.of(candidate.name()),
                    command.keyId(), command.concurrency(), command.costCapUsd()), actor, stored);
            jdbc.insert(run, replica, clock.instant());
            return run.id();
        }).subscribeOn(scheduler).doOnNext(this::launch).flatMap(this::report);
    }

    public Mono<EvaluationReport> report(String id) {
        return Mono.fromCallable(() -> {
            StoredEvaluation run = jdbc.find(id).orElseThrow(() -> new RegistryNotFoundException("evaluation", id));
            return EvaluationReport.of(run, run.lastSeq(), jdbc.results(id), feedbackOf(run));
        }).subscribeOn(scheduler);
    }

    /**
     * Production feedback on each target that serves clients: by the route's name for a route, by the serving
     * model's for a model (the ledger row it is joined to names both).
     */
    private Map<String, EvaluationReport.ProductionFeedback> feedbackOf(StoredEvaluation run) {
        RegistrySnapshot snapshot = snapshots.current();
        Instant now = clock.instant();
        Map<String, EvaluationReport.ProductionFeedback> byTarget = new HashMap<>();
        for (String target : run.targets()) {
            if (target.endsWith(CandidateRoutes.SUFFIX)) {
                continue;
            }
            boolean route = snapshot.route(target) != null;
            FeedbackTotals total = feedback.summary(new FeedbackFilter(route ? null : target, route ? target : null,
                    now.minus(Duration.ofDays(FEEDBACK_DAYS)), null)).total();
            byTarget.put(target, new EvaluationReport.ProductionFeedback(FEEDBACK_DAYS, total.count(), total.scored(),
                    total.averageScore(), total.labels()));
        }
        return byTarget;
    }

    /** The latest runs, newest first, without their results. */
    public Mono<List<StoredEvaluation>> list() {
        return Mono.fromCallable(() -> jdbc.list(LIST_LIMIT)).subscribeOn(scheduler);
    }

    public Mono<List<CaseResult>> results(String id) {
        return Mono.fromCallable(() -> {
            jdbc.find(id).orElseThrow(() -> new RegistryNotFoundException("evaluation", id));
            return jdbc.results(id);
        }).subscribeOn(scheduler);
    }

    /**
     * Ends a running evaluation as {@code cancelled}. A run on this replica stops at once; one on another replica
     * stops when its next result finds the run no longer running.
     */
    public Mono<EvaluationReport> cancel(String id) {
        return Mono.fromRunnable(() -> {
            jdbc.find(id).orElseThrow(() -> new RegistryNotFoundException("evaluation", id));
            if (jdbc.finish(id, StoredEvaluation.CANCELLED, "cancelled by an administrator", clock.instant())) {
                Disposable here = live.remove(id);
                if (here != null) {
                    here.dispose();
                }
            }
        }).subscribeOn(scheduler).then(report(id));
    }

    /** Starts (or resumes) a stored run on this replica. */
    void launch(String id) {
        Disposable execution = Mono.fromCallable(() -> plan(id)).subscribeOn(scheduler)
                .flatMap(this::execute)
                .onErrorResume(failure -> Mono.fromRunnable(() -> {
                    log.warn("Evaluation {} failed: {}", id, failure.toString());
                    jdbc.finish(id, StoredEvaluation.FAILED, message(failure), clock.instant());
                }).subscribeOn(scheduler).then())
                .doFinally(signal -> live.remove(id))
                .subscribe();
        if (!execution.isDisposed()) {
            live.put(id, execution);
        }
    }

    /** Stops every run of this replica, for shutdown; the sweeper leaves them for the next gateway to resume. */
    void stopAll() {
        live.values().forEach(Disposable::dispose);
        live.clear();
    }

    private Mono<Void> execute(Plan plan) {
        AtomicReference<BigDecimal> spent = new AtomicReference<>(plan.run().spentUsd());
        AtomicBoolean ended = new AtomicBoolean();
        AtomicBoolean capped = new AtomicBoolean();
        AtomicInteger started = new AtomicInteger();
        return Flux.fromIterable(plan.pending())
                .takeWhile(item -> {
                    if (plan.run().costCapUsd() != null && spent.get().compareTo(plan.run().costCapUsd()) >= 0) {
                        capped.set(true);
                        return false;
                    }
                    return !ended.get();
                })
                .doOnNext(item -> started.incrementAndGet())
                .flatMap(item -> answer(plan, item)
                        .flatMap(result -> Mono.fromRunnable(() -> {
                            if (jdbc.record(plan.run().id(), result, clock.instant())) {
                                spent.accumulateAndGet(result.spent(), BigDecimal::add);
                            } else {
                                ended.set(true);
                            }
                        }).subscribeOn(scheduler)), plan.run().concurrency())
                .then(Mono.fromRunnable(() -> {
                    if (!ended.get()) {
                        boolean cut = capped.get() && started.get() < plan.pending().size();
                        jdbc.finish(plan.run().id(), cut ? StoredEvaluation.COST_CAPPED : StoredEvaluation.COMPLETED,
                                cut ? "the cost cap was reached" : null, clock.instant());
                    }
                }).subscribeOn(scheduler)).then();
    }

    /** One case and target: the answer, graded. A failed call is a wrong answer with its error kept. */
    private Mono<CaseResult> answer(Plan plan, Item item) {
        String requestId = plan.run().id() + "." + replica.substring(0, 8) + "." + item.targetIndex() + "."
                + item.scenario().seq();
        String target = plan.run().targets().get(item.targetIndex());
        RouteConfig candidate = target.endsWith(CandidateRoutes.SUFFIX) ? plan.candidate() : null;
        return calls.chat(requestId, plan.key(), candidate != null ? candidate.name() : target,
                        item.scenario().messages(), candidate)
                .flatMap(answer -> grade(plan, item, requestId, answer).map(grade -> new CaseResult(target,
                        item.scenario().seq(), answer.requestId(), answer.servedBy(), answer.text(), grade.grade()
                        .passed(), grade.grade().score(), grade.grade().detail(), null, answer.latencyMs(),
                        answer.inputTokens(), answer.outputTokens(), answer.costUsd(), grade.costUsd())))
                .onErrorResume(failure -> Mono.just(new CaseResult(target, item.scenario().seq(), requestId, null,
                        null, false, null, null, message(failure), null, null, null, null, null)));
    }

    private record Graded(Grade grade, BigDecimal costUsd) {
    }

    private Mono<Graded> grade(Plan plan, Item item, String requestId, TargetCalls.Answer answer) {
        Scenario scenario = item.scenario();
        if (scenario.grader() instanceof LocalGrader local) {
            // Off the event loop: a pattern or a schema may take its time on a long answer.
            return Mono.fromCallable(() -> new Graded(local.grade(answer.text(), scenario.expected()), null))
                    .subscribeOn(scheduler);
        }
        JudgeGrader judge = (JudgeGrader) scenario.grader();
        return calls.chat(requestId + ".judge", plan.key(), judge.target(),
                        judge.prompt(scenario.messages(), answer.text(), scenario.expected()))
                .map(verdict -> new Graded(judge.grade(verdict.text()), verdict.costUsd()))
                .onErrorResume(failure -> Mono.just(new Graded(new Grade(false, null, "the judge failed: "
                        + message(failure)), null)));
    }

    /** What is left to run of a stored run, as this replica will run it. Blocking. */
    private Plan plan(String id) {
        StoredEvaluation run = jdbc.find(id).orElseThrow(() -> new IllegalStateException("evaluation " + id
                + " is gone"));
        RegistrySnapshot snapshot = snapshots.current();
        ApiKeyRecord key = snapshot.keys().stream().filter(k -> k.id().equals(run.keyId())).findFirst()
                .filter(k -> k.activeAt(clock.instant()))
                .orElseThrow(() -> new IllegalStateException("the evaluation key no longer exists or is revoked"));
        DatasetView dataset = datasets.find(run.datasetId().toString());
        Grader fallback = Graders.parse(new FieldErrors(), "grader", dataset.grader(), name -> true);
        Set<String> done = new HashSet<>();
        jdbc.results(id).forEach(r -> done.add(r.target() + "\n" + r.caseSeq()));
        List<Scenario> scenarios = new ArrayList<>();
        for (DatasetCase c : datasets.cases(dataset.id())) {
            if (c.seq() <= run.lastSeq()) {
                Grader grader = c.grader() == null ? fallback
                        : Graders.parse(new FieldErrors(), "grader", c.grader(), name -> true);
                scenarios.add(new Scenario(c.seq(), messages(c.messages()), c.expected(), grader));
            }
        }
        // Case by case across targets: a run stopped early (by its cap) has compared the targets on the same cases.
        List<Item> pending = new ArrayList<>();
        for (Scenario scenario : scenarios) {
            for (int t = 0; t < run.targets().size(); t++) {
                if (!done.contains(run.targets().get(t) + "\n" + scenario.seq())) {
                    pending.add(new Item(t, scenario));
                }
            }
        }
        // Rebuilt, not stored: a resumed gate checks the change against the registry as it is now.
        RouteConfig candidate = run.candidate() == null ? null
                : candidates.candidate(run.candidate().path("route").asString(), run.candidate().get("change"));
        return new Plan(run, key, candidate, pending);
    }

    /**
     * The run an administrator asked for, checked against the registry and the dataset. Blocking.
     *
     * @param candidate a gate's change of the one target, a route, which is then run as it is and as changed
     */
    private StoredEvaluation checked(EvaluationCommand command, String actor, JsonNode candidate) {
        FieldErrors errors = new FieldErrors().required("dataset", command.dataset())
                .required("targets", command.targets()).required("key_id", command.keyId());
        RegistrySnapshot snapshot = snapshots.current();
        DatasetView dataset = null;
        if (command.dataset() != null) {
            try {
                dataset = datasets.find(command.dataset());
                if (dataset.caseCount() == 0) {
                    errors.add("dataset", "has no cases: import some first");
                }
            } catch (RegistryNotFoundException e) {
                errors.add("dataset", "no dataset '" + command.dataset() + "'");
            }
        }
        ApiKeyRecord key = key(errors, snapshot, command.keyId());
        List<String> targets = command.targets() == null ? List.of() : command.targets();
        if (command.targets() != null && (targets.isEmpty() || targets.size() > MAX_TARGETS)) {
            errors.add("targets", "must name 1 to " + MAX_TARGETS + " models or routes");
        }
        for (int i = 0; i < targets.size(); i++) {
            // A gate's body names no targets: the route is in the path, so a key that may not use it is the problem.
            checkTarget(errors, candidate == null ? "targets[" + i + "]" : "key_id", snapshot, key, targets.get(i));
        }
        if (new LinkedHashSet<>(targets).size() != targets.size()) {
            errors.add("targets", "must not name a target twice");
        }
        if (dataset != null && key != null) {
            for (String judge : judges(dataset)) {
                checkTarget(errors, "dataset", snapshot, key, judge);
            }
        }
        int concurrency = command.concurrency() == null ? DEFAULT_CONCURRENCY : command.concurrency();
        errors.range("concurrency", concurrency, 1, MAX_CONCURRENCY);
        BigDecimal cap = command.costCapUsd();
        if (cap != null && (cap.signum() <= 0 || cap.compareTo(MAX_COST_CAP) > 0)) {
            errors.add("cost_cap_usd", "must be more than 0 and at most " + MAX_COST_CAP.toPlainString());
        }
        errors.throwIfAny();
        List<String> run = candidate == null ? targets
                : List.of(targets.getFirst(), targets.getFirst() + CandidateRoutes.SUFFIX);
        return new StoredEvaluation("eval_" + UUID.randomUUID().toString().replace("-", ""), dataset.id(),
                dataset.name(), dataset.caseCount(), key.id(), run, candidate, concurrency, cap, BigDecimal.ZERO,
                StoredEvaluation.RUNNING, null, actor, clock.instant(), null);
    }

    private ApiKeyRecord key(FieldErrors errors, RegistrySnapshot snapshot, String keyId) {
        if (keyId == null) {
            return null;
        }
        UUID id;
        try {
            id = UUID.fromString(keyId);
        } catch (IllegalArgumentException e) {
            errors.add("key_id", "must be the id of an inference key");
            return null;
        }
        ApiKeyRecord key = snapshot.keys().stream().filter(k -> k.id().equals(id)).findFirst().orElse(null);
        if (key == null || !key.activeAt(clock.instant()) || !key.scopes().contains(KeyScope.INFERENCE)) {
            errors.add("key_id", "must be the id of a live inference key");
            return null;
        }
        return key;
    }

    private static void checkTarget(FieldErrors errors, String field, RegistrySnapshot snapshot, ApiKeyRecord key,
            String target) {
        if (target == null || !Datasets.targetsOf(snapshot).test(target)) {
            errors.add(field, "no model or route named '" + target + "'");
        } else if (key != null && !key.allowedModels().contains(ApiKeyRecord.ALL_MODELS)
                && !key.allowedModels().contains(target)) {
            errors.add(field, "the evaluation key may not use '" + target + "'");
        }
    }

    /** The models or routes the dataset's judges call, which the evaluation key must be allowed too. */
    private Set<String> judges(DatasetView dataset) {
        Set<String> judges = new LinkedHashSet<>();
        addJudge(judges, dataset.grader());
        datasets.cases(dataset.id()).forEach(c -> addJudge(judges, c.grader()));
        return judges;
    }

    private static void addJudge(Set<String> judges, JsonNode grader) {
        if (grader != null && "llm_judge".equals(grader.path("type").asString())) {
            judges.add(grader.path("model").asString());
        }
    }

    private static List<ChatMessage> messages(JsonNode messages) {
        return WireJson.mapper().convertValue(messages, new TypeReference<List<ChatMessage>>() { });
    }

    private static String message(Throwable failure) {
        String message = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        return message.length() > MAX_ERROR_CHARS ? message.substring(0, MAX_ERROR_CHARS) : message;
    }

    private record Scenario(int seq, List<ChatMessage> messages, JsonNode expected, Grader grader) {
    }

    private record Item(int targetIndex, Scenario scenario) {
    }

    private record Plan(StoredEvaluation run, ApiKeyRecord key, RouteConfig candidate, List<Item> pending) {
    }
}
