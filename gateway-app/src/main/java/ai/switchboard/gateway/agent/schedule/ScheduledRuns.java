package ai.switchboard.gateway.agent.schedule;

import ai.switchboard.gateway.agent.run.AgentRuns;
import ai.switchboard.gateway.api.chat.AgentInputs;
import ai.switchboard.providers.api.ChatRequest;
import ai.switchboard.providers.json.WireJson;
import ai.switchboard.registry.AgentConfig;
import ai.switchboard.registry.ApiKeyRecord;
import ai.switchboard.registry.snapshot.RegistrySnapshotManager;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Starts the run of a schedule's firing: a stored run ({@link AgentRuns}) of its agent on its input, as its live key,
 * through the same admission as any run. Blocking until the run is admitted: for the ticker's thread.
 */
public class ScheduledRuns implements ScheduleFiring {

    private static final Duration ADMISSION = Duration.ofSeconds(30);

    private final AgentRuns runs;
    private final RegistrySnapshotManager snapshots;
    private final Clock clock;

    public ScheduledRuns(AgentRuns runs, RegistrySnapshotManager snapshots, Clock clock) {
        this.runs = runs;
        this.snapshots = snapshots;
        this.clock = clock;
    }

    @Override
    public String fire(DueSchedule schedule) {
        ApiKeyRecord key = snapshots.current().keys().stream()
                .filter(candidate -> candidate.name().equals(schedule.runAs()) && candidate.activeAt(clock.instant()))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no live key named '" + schedule.runAs() + "'"));
        ChatRequest input = WireJson.mapper().treeToValue(schedule.input(), ChatRequest.class)
                .withModel(AgentConfig.MODEL_PREFIX + schedule.agent());
        AgentInputs.check(input);
        String requestId = "sched_" + Long.toHexString(ThreadLocalRandom.current().nextLong());
        return runs.start(requestId, key, schedule.agent(), input).block(ADMISSION);
    }
}
