package ai.switchboard.bench.replay.harness;

import ai.switchboard.bench.replay.provider.JudgeBook;
import ai.switchboard.bench.replay.provider.ReplayBook;
import ai.switchboard.bench.replay.provider.ReplayProvider;
import ai.switchboard.bench.replay.record.JsonLines;
import ai.switchboard.bench.replay.record.JudgeVerdict;
import ai.switchboard.bench.replay.record.PromptKey;
import ai.switchboard.bench.replay.record.Recordings;
import ai.switchboard.bench.replay.record.ReplayDataset;
import ai.switchboard.bench.replay.record.ReplayItem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import reactor.netty.DisposableServer;
import reactor.netty.resources.LoopResources;
import tools.jackson.databind.node.ObjectNode;

/**
 * Measures the cost-quality curve of the routing policies: serves the recordings from an in-process
 * {@link ReplayProvider}, registers it, its models (with prices) and one route per policy setting in a running
 * gateway, sends every prompt of every dataset through each route, grades the answers by the recordings and prices
 * them from the gateway's usage ledger and from the provider's own count of calls. Writes a Markdown table, a PNG
 * and the raw points as JSON. Exits 1 when any prompt missed its recording: such a run measured nothing.
 */
public final class ReplayHarness {

    private static final String PROVIDER = "replay";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private ReplayHarness() {
    }

    public static void main(String[] args) throws IOException {
        System.setProperty("java.awt.headless", "true");
        HarnessOptions options;
        try {
            options = HarnessOptions.parse(args);
        } catch (IllegalArgumentException bad) {
            System.err.println(bad.getMessage());
            System.exit(2);
            return;
        }
        Recordings recordings = Recordings.load(options.sources());
        PriceTable prices = PriceTable.load(options.sources().routerArenaCosts());
        log("recordings: " + recordings.summary());
        ReplayBook book = ReplayBook.of(recordings.datasets());
        if (book.conflicts() > 0) {
            log(book.conflicts() + " prompts were recorded twice with different answers; the first is replayed");
        }
        ReplayProvider provider = new ReplayProvider(book, JudgeBook.of(recordings.verdicts()));
        LoopResources loops = LoopResources.create("replay", 1, true);
        DisposableServer server = provider.start("127.0.0.1", 0, loops);
        ExecutorService pool = Executors.newFixedThreadPool(options.concurrency());
        boolean missed;
        try {
            missed = measure(options, recordings, prices, provider, server.port(), pool);
        } finally {
            pool.shutdownNow();
            server.disposeNow(Duration.ofSeconds(5));
            loops.disposeLater(Duration.ZERO, Duration.ofSeconds(2)).block(Duration.ofSeconds(5));
        }
        System.exit(missed ? 1 : 0);
    }

    private static boolean measure(HarnessOptions options, Recordings recordings, PriceTable prices,
            ReplayProvider provider, int port, ExecutorService pool) throws IOException {
        GatewayClient gateway = new GatewayClient(options.gateway(), options.adminKey());
        Instant started = Instant.now();
        String key = register(gateway, recordings, prices, port);
        SettingRunner runner = new SettingRunner(gateway, key, pool, provider.ledger(), prices,
                options.streamEvery());
        Map<ReplayDataset, List<RunMeasurement>> runs = new LinkedHashMap<>();
        long misses = 0;
        for (ReplayDataset dataset : recordings.datasets()) {
            List<PolicySetting> settings = PolicyCatalog.settings(dataset, cheaper(dataset, prices),
                    judgeOf(dataset, recordings.verdicts()));
            List<RunMeasurement> measured = new ArrayList<>(settings.size());
            for (PolicySetting setting : settings) {
                ObjectNode route = JsonLines.MAPPER.createObjectNode().put("name", setting.routeName(dataset.name()))
                        .put("policy", setting.routePolicy());
                route.set("config", setting.config());
                gateway.admin("POST", "/admin/v1/routes", route);
                long begin = System.nanoTime();
                RunMeasurement run = runner.run(dataset, setting);
                misses += run.replayMisses();
                measured.add(run);
                log(String.format(Locale.ROOT, "%-45s %4d prompts in %5.1fs, %d errors, %d replay misses",
                        run.route(), run.outcomes().size(), (System.nanoTime() - begin) / 1e9, run.errors(),
                        run.replayMisses()));
            }
            runs.put(dataset, measured);
        }
        Map<String, UsageRow> ledger = awaitLedger(gateway, runs, started, options.ledgerWaitSeconds());
        Map<String, List<PolicyPoint>> points = new LinkedHashMap<>();
        Map<String, ReferenceLines> lines = new LinkedHashMap<>();
        runs.forEach((dataset, measured) -> {
            points.put(dataset.name(), Grading.points(dataset, measured, ledger));
            lines.put(dataset.name(), ReferenceLines.of(dataset, prices));
        });
        write(options.out(), recordings.datasets(), lines, points);
        if (misses > 0) {
            log("ERROR: " + misses + " prompts had no recording; the results above are not a replay");
        }
        return misses > 0;
    }

    /** Registers the provider, every model with its price and an inference key; returns the key. */
    private static String register(GatewayClient gateway, Recordings recordings, PriceTable prices, int port)
            throws IOException {
        gateway.admin("POST", "/admin/v1/providers", JsonLines.MAPPER.createObjectNode().put("name", PROVIDER)
                .put("type", "openai").put("base_url", "http://127.0.0.1:" + port + "/v1").put("api_key", "replay"));
        Set<String> models = new LinkedHashSet<>();
        recordings.datasets().forEach(dataset -> models.addAll(dataset.models()));
        recordings.verdicts().forEach(verdict -> models.add(verdict.judgeModel()));
        for (String model : models) {
            Price price = prices.of(model);
            ObjectNode body = JsonLines.MAPPER.createObjectNode().put("name", model).put("provider", PROVIDER)
                    .put("upstream_model", model).put("input_price_per_mtok", price.inputPerMtok())
                    .put("output_price_per_mtok", price.outputPerMtok());
            body.putArray("capabilities").add("chat").add("streaming");
            gateway.admin("POST", "/admin/v1/models", body);
            log("model " + model + ": $" + price.inputPerMtok() + " / $" + price.outputPerMtok() + " per M tokens ("
                    + price.source() + ")");
        }
        return gateway.admin("POST", "/admin/v1/keys", JsonLines.MAPPER.createObjectNode().put("name", "replay")
                .set("scopes", JsonLines.MAPPER.createArrayNode().add("inference"))).path("key").asString();
    }

    /** The model that costs less over the whole dataset: a cascade's first step. */
    static String cheaper(ReplayDataset dataset, PriceTable prices) {
        double strong = 0;
        double weak = 0;
        for (ReplayItem item : dataset.items()) {
            strong += ReferenceLines.itemCost(item, dataset.strongModel(), prices);
            weak += ReferenceLines.itemCost(item, dataset.weakModel(), prices);
        }
        return weak <= strong ? dataset.weakModel() : dataset.strongModel();
    }

    /** The judge with recorded verdicts on this dataset's prompts, or {@code null}. */
    static String judgeOf(ReplayDataset dataset, List<JudgeVerdict> verdicts) {
        Set<String> prompts = dataset.items().stream().map(item -> PromptKey.of(item.prompt()))
                .collect(Collectors.toSet());
        return verdicts.stream().filter(verdict -> prompts.contains(PromptKey.of(verdict.question())))
                .map(JudgeVerdict::judgeModel).findFirst().orElse(null);
    }

    /** Waits until the ledger holds a row for every request sent (it is written in the background, in batches). */
    private static Map<String, UsageRow> awaitLedger(GatewayClient gateway,
            Map<ReplayDataset, List<RunMeasurement>> runs, Instant started, int waitSeconds) throws IOException {
        Instant deadline = Instant.now().plusSeconds(waitSeconds);
        while (true) {
            Map<String, UsageRow> ledger = gateway.usageByRoute(started.minusSeconds(60),
                    Instant.now().plusSeconds(60));
            List<String> behind = new ArrayList<>();
            runs.values().forEach(measured -> measured.forEach(run -> {
                UsageRow row = ledger.get(run.route());
                if (row == null || row.requests() < run.outcomes().size()) {
                    behind.add(run.route());
                }
            }));
            if (behind.isEmpty()) {
                return ledger;
            }
            if (Instant.now().isAfter(deadline)) {
                log("WARNING: the usage ledger still misses requests of " + behind + "; reporting what it has");
                return ledger;
            }
            sleep(Duration.ofSeconds(1));
        }
    }

    private static void write(Path out, List<ReplayDataset> datasets, Map<String, ReferenceLines> lines,
            Map<String, List<PolicyPoint>> points) throws IOException {
        Files.createDirectories(out);
        String stamp = STAMP.format(Instant.now());
        String table = MarkdownReport.render(datasets, lines, points);
        Path markdown = out.resolve("replay-" + stamp + ".md");
        Path png = out.resolve("replay-" + stamp + ".png");
        Path json = out.resolve("replay-" + stamp + ".json");
        Files.writeString(markdown, table);
        CurvePlot.write(png, lines, points);
        ObjectNode raw = JsonLines.MAPPER.createObjectNode();
        raw.set("points", JsonLines.MAPPER.valueToTree(points));
        raw.set("reference_lines", JsonLines.MAPPER.valueToTree(lines));
        Files.writeString(json, raw.toPrettyString());
        System.out.println(table);
        log("results: " + markdown + ", " + png + ", " + json);
    }

    private static void sleep(Duration duration) throws IOException {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static void log(String message) {
        System.err.printf("[replay %s] %s%n", CLOCK.format(LocalTime.now()), message);
    }
}
