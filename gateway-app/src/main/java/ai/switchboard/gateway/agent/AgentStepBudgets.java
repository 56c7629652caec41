package ai.switchboard.gateway.agent;

import ai.switchboard.gateway.budget.BudgetAdmission;
import ai.switchboard.gateway.budget.BudgetHold;
import ai.switchboard.gateway.pipeline.RequestContext;
import ai.switchboard.providers.api.ChatRequest;
import ai.switchboard.providers.api.Usage;
import ai.switchboard.routing.Deployment;
import ai.switchboard.routing.Target;
import ai.switchboard.routing.policy.PromptTokens;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Budgets on every model call of an agent run, not only on the request that started it: the request's reservation
 * covers the run's first step; each later step (and each step of a run it delegated to) reserves its own worst case
 * from the same budgets before it is called, and is settled with its real cost as soon as it answers. A budget with
 * not enough left refuses the step like a request ({@code 429 insufficient_quota}): the run ends there, and the steps
 * it already made are counted. The request's own settlement then leaves out what its steps settled already
 * ({@link RequestContext#settledEarly}), so nothing is counted twice.
 */
@Component
class AgentStepBudgets {

    private final BudgetAdmission admission;

    AgentStepBudgets(BudgetAdmission admission) {
        this.admission = admission;
    }

    /** The step's hold ({@code null} when no budget applies), taken before {@code request} goes to {@code target}. */
    Mono<BudgetHold> reserve(RequestContext context, Target target, ChatRequest request) {
        return Mono.defer(() -> {
            Object reserved = admission.reserve(context.snapshot(), context.key(), target,
                    () -> PromptTokens.estimate(request), request.outputTokenLimit(), 1, true, hold -> {
                        if (context.isFinished()) {
                            hold.release();
                        }
                    });
            if (reserved == null) {
                return Mono.empty();
            }
            if (reserved instanceof BudgetHold hold) {
                return Mono.just(hold);
            }
            @SuppressWarnings("unchecked")
            Mono<BudgetHold> waiting = (Mono<BudgetHold>) reserved;
            return waiting;
        });
    }

    /** Settles a step's hold with what the step cost, and notes it so the request does not count it again. */
    static void settle(RequestContext context, BudgetHold hold, Deployment served, Usage usage) {
        long input = usage == null || usage.promptTokens() == null ? 0 : usage.promptTokens();
        long output = usage == null || usage.completionTokens() == null ? 0 : usage.completionTokens();
        long cached = usage == null ? 0 : usage.cachedTokens();
        hold.settle(budget -> {
            long cost = BudgetAdmission.cost(budget, served, input, output, cached, null);
            context.settledEarly(budget.id(), cost);
            return cost;
        });
    }
}
