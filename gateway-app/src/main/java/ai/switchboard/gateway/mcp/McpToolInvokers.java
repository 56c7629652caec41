package ai.switchboard.gateway.mcp;

import ai.switchboard.registry.config.RegistrySchedulerConfiguration;
import ai.switchboard.tools.invoke.InvocationLimits;
import ai.switchboard.tools.invoke.ToolInvoker;
import ai.switchboard.tools.mcp.McpClientManager;
import ai.switchboard.tools.mcp.McpTool;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * One {@link ToolInvoker} per MCP tool as its server lists it now: a tool re-listed after a reconnection or a
 * {@code tools/list_changed} is a new {@link McpTool}, and gets a new invoker (its schema may have changed). Built on
 * the registry scheduler: compiling an argument schema may read the meta-schema from the classpath.
 */
@Component
public class McpToolInvokers {

    private final McpClientManager mcp;
    private final Scheduler scheduler;
    private final Map<McpTool, ToolInvoker> built = new ConcurrentHashMap<>();

    public McpToolInvokers(McpClientManager mcp,
            @Qualifier(RegistrySchedulerConfiguration.REGISTRY_SCHEDULER) Scheduler scheduler) {
        this.mcp = mcp;
        this.scheduler = scheduler;
    }

    /** The invoker of {@code tool}; empty when its schema cannot be used. Answers at once when it is built. */
    public Mono<ToolInvoker> invoker(McpTool tool) {
        ToolInvoker current = built.get(tool);
        return current != null ? Mono.just(current) : Mono.fromCallable(() -> build(tool)).subscribeOn(scheduler);
    }

    private ToolInvoker build(McpTool tool) {
        // Tools no longer offered (their server reconnected, changed its list or went away) are forgotten.
        built.keySet().removeIf(old -> mcp.tool(old.spec().name()).orElse(null) != old);
        try {
            return built.computeIfAbsent(tool, each -> ToolInvoker.of(each, InvocationLimits.defaults()));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
