package ai.switchboard.gateway.agent;

import ai.switchboard.registry.RegistrySnapshot;
import ai.switchboard.registry.ToolConfig;
import ai.switchboard.registry.admin.RegistryValidationException;
import ai.switchboard.registry.config.RegistrySchedulerConfiguration;
import ai.switchboard.registry.snapshot.RegistrySnapshotManager;
import ai.switchboard.tools.ToolDefinition;
import ai.switchboard.tools.ToolTypes;
import ai.switchboard.tools.invoke.InvocationLimits;
import ai.switchboard.tools.invoke.ToolInvoker;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * The tool instances agents call, built from the registry's definitions on first use and kept per tool and
 * revision: a changed definition gets a new instance, and the old one is closed (closing may wait for a pool).
 * Building and closing run on the registry scheduler, never on an event loop: compiling a tool's argument schema
 * reads the draft's meta-schema from the classpath the first time. A tool whose secrets cannot be decrypted, or
 * whose stored definition no longer validates, is not built at all. A deleted tool's instance is closed when the
 * first snapshot without it is swapped in.
 */
@Component
public class ToolInstances implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ToolInstances.class);

    private final ToolTypes types;
    private final Scheduler scheduler;
    private final Map<UUID, Built> built = new ConcurrentHashMap<>();

    public ToolInstances(ToolTypes types,
            @Qualifier(RegistrySchedulerConfiguration.REGISTRY_SCHEDULER) Scheduler scheduler,
            RegistrySnapshotManager snapshots) {
        this.types = types;
        this.scheduler = scheduler;
        snapshots.onSwap(this::retain);
    }

    /** Closes the instances of tools {@code snapshot} no longer has (deleted ones), on the registry scheduler. */
    void retain(RegistrySnapshot snapshot) {
        Set<UUID> live = new HashSet<>();
        snapshot.tools().forEach(tool -> live.add(tool.id()));
        for (UUID id : Set.copyOf(built.keySet())) {
            if (!live.contains(id)) {
                Built removed = built.remove(id);
                if (removed != null) {
                    close(removed);
                }
            }
        }
    }

    /** Whether an instance of the tool is built (and not closed), for operators and tests. */
    public boolean holds(UUID toolId) {
        return built.containsKey(toolId);
    }

    /**
     * The invoker of the tool as {@code tool} defines it (or as a newer revision does, for a request still served
     * from an older snapshot); empty when it cannot be built. Answers at once when it is built already.
     */
    public Mono<ToolInvoker> invoker(ToolConfig tool) {
        if (!tool.available()) {
            return Mono.empty();
        }
        Built current = built.get(tool.id());
        if (current != null && current.revision() >= tool.revision()) {
            return Mono.just(current.invoker());
        }
        return Mono.fromCallable(() -> build(tool)).subscribeOn(scheduler);
    }

    /** Builds the revision unless another run just did; one build per revision, however many runs ask at once. */
    private ToolInvoker build(ToolConfig tool) {
        Built[] replaced = new Built[1];
        Built result = built.compute(tool.id(), (id, old) -> {
            if (old != null && old.revision() >= tool.revision()) {
                return old;
            }
            replaced[0] = old;
            return create(tool);
        });
        if (replaced[0] != null) {
            close(replaced[0]);
        }
        return result == null ? null : result.invoker();
    }

    private Built create(ToolConfig tool) {
        try {
            return new Built(tool.revision(), ToolInvoker.of(types.create(new ToolDefinition(tool.name(), tool.type(),
                    tool.description(), tool.fullConfig())), InvocationLimits.defaults()));
        } catch (RegistryValidationException | IllegalArgumentException e) {
            log.warn("Tool '{}' (revision {}) cannot be built and is left out of agent runs: {}", tool.name(),
                    tool.revision(), e.getMessage());
            return null;
        }
    }

    private void close(Built old) {
        scheduler.schedule(() -> {
            try {
                old.invoker().tool().close();
            } catch (RuntimeException e) {
                log.warn("Closing a replaced or deleted tool failed: {}", e.toString());
            }
        });
    }

    @Override
    public void destroy() {
        built.values().forEach(each -> each.invoker().tool().close());
        built.clear();
    }

    private record Built(long revision, ToolInvoker invoker) {
    }
}
