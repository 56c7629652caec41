package ai.switchboard.bench.replay.record;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Every dataset the harness replays, found under the two source folders. Each folder may be laid out as the small
 * sample in {@code shared/routing-data-sample/} is (files side by side) or as the upstream repository is
 * ({@code routellm/evals/...}, {@code cached_results/...}), so a full checkout works as it is.
 *
 * @param datasets {@code gsm8k}, {@code mmlu}, {@code mt-bench} and {@code routerarena}, those whose files exist
 * @param verdicts the MT-Bench judge's recorded scores
 */
public record Recordings(List<ReplayDataset> datasets, List<JudgeVerdict> verdicts) {

    public Recordings {
        datasets = List.copyOf(datasets);
        verdicts = List.copyOf(verdicts);
    }

    /**
     * Where the recordings are.
     *
     * @param routeLlm RouteLLM's folder, or {@code null}
     * @param routerArena RouterArena's folder, or {@code null}
     * @param routerArenaModels the two RouterArena models to replay (their {@code <model>.jsonl} files)
     * @param limit the most items to take from each dataset, 0 for all
     */
    public record Sources(Path routeLlm, Path routerArena, List<String> routerArenaModels, int limit) {

        public static final List<String> SAMPLE_ROUTERARENA_MODELS =
                List.of("claude-3-haiku-20240307", "gemini-2.0-flash-001");

        public Sources {
            routerArenaModels = List.copyOf(routerArenaModels);
            if (routerArenaModels.size() != 2) {
                throw new IllegalArgumentException("name exactly two RouterArena models, got " + routerArenaModels);
            }
        }

        /** Takes {@code routellm}, {@code routerarena}, {@code routerarena-models} and {@code limit} from the flags. */
        public static Sources from(Map<String, String> flags) {
            String routeLlm = flags.remove("routellm");
            String routerArena = flags.remove("routerarena");
            String models = flags.remove("routerarena-models");
            String limit = flags.remove("limit");
            if (routeLlm == null && routerArena == null) {
                throw new IllegalArgumentException("give --routellm DIR and/or --routerarena DIR");
            }
            return new Sources(routeLlm == null ? null : Path.of(routeLlm),
                    routerArena == null ? null : Path.of(routerArena),
                    models == null ? SAMPLE_ROUTERARENA_MODELS : List.of(models.split(",")),
                    limit == null ? 0 : Integer.parseInt(limit));
        }

        /** RouterArena's price table, or {@code null} when there is none. */
        public Path routerArenaCosts() {
            return routerArena == null ? null : first(routerArena, "cost.json", "model_cost/cost.json");
        }
    }

    public static Recordings load(Sources sources) throws IOException {
        List<ReplayDataset> datasets = new ArrayList<>();
        List<JudgeVerdict> verdicts = new ArrayList<>();
        if (sources.routeLlm() != null) {
            Path root = sources.routeLlm();
            Path gsm8k = first(root, "gsm8k_responses.csv", "routellm/evals/gsm8k/gsm8k_responses.csv");
            if (gsm8k != null) {
                datasets.add(RouteLlmLoader.dataset("gsm8k", List.of(gsm8k)));
            }
            List<Path> mmlu = mmluFiles(root);
            if (!mmlu.isEmpty()) {
                datasets.add(RouteLlmLoader.dataset("mmlu", mmlu));
            }
            Path questions = first(root, "mt_bench_question.jsonl", "routellm/evals/mt_bench/question.jsonl");
            Path judgements = first(root, "mt_bench_judgements.jsonl", "routellm/evals/mt_bench/judgements.jsonl");
            if (questions != null && judgements != null) {
                MtBenchLoader.Loaded mtBench = MtBenchLoader.load("mt-bench", questions, judgements);
                datasets.add(mtBench.dataset());
                verdicts.addAll(mtBench.verdicts());
            }
        }
        if (sources.routerArena() != null) {
            List<String> models = sources.routerArenaModels();
            Path first = first(sources.routerArena(), models.get(0) + ".jsonl", "cached_results/" + models.get(0)
                    + ".jsonl");
            Path second = first(sources.routerArena(), models.get(1) + ".jsonl", "cached_results/" + models.get(1)
                    + ".jsonl");
            if (first == null || second == null) {
                throw new IOException("no RouterArena results for " + models + " under " + sources.routerArena());
            }
            datasets.add(RouterArenaLoader.dataset("routerarena", first, second));
        }
        if (datasets.isEmpty()) {
            throw new IOException("no recordings found under " + sources.routeLlm() + " or " + sources.routerArena());
        }
        return new Recordings(datasets.stream().map(dataset -> dataset.limit(sources.limit())).toList(), verdicts);
    }

    /** One line per dataset: its size and its two models. */
    public String summary() {
        return datasets.stream().map(dataset -> dataset.name() + " " + dataset.items().size() + " prompts (strong "
                + dataset.strongModel() + ", weak " + dataset.weakModel() + ")")
                .collect(Collectors.joining("; ")) + "; " + verdicts.size() + " judge verdicts";
    }

    private static List<Path> mmluFiles(Path root) throws IOException {
        for (Path folder : List.of(root, root.resolve("routellm/evals/mmlu/responses"))) {
            if (Files.isDirectory(folder)) {
                try (Stream<Path> files = Files.list(folder)) {
                    List<Path> found = files.filter(file -> file.getFileName().toString().matches("mmlu_.*\\.csv"))
                            .sorted().toList();
                    if (!found.isEmpty()) {
                        return found;
                    }
                }
            }
        }
        return List.of();
    }

    private static Path first(Path root, String... candidates) {
        for (String candidate : candidates) {
            Path file = root.resolve(candidate);
            if (Files.isRegularFile(file)) {
                return file;
            }
        }
        return null;
    }
}
