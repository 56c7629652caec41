package ai.switchboard.gateway.pipeline;

import ai.switchboard.gateway.budget.BudgetAdmission;
import ai.switchboard.gateway.budget.BudgetHold;
import ai.switchboard.routing.RoutingTrace;
import reactor.core.publisher.Mono;

/**
 * Reserves the request's worst-case cost from every budget it counts against (its key's, its team's, its route's,
 * its models'), before the call (a cached answer calls nothing and reserves nothing); settles the real cost when it ends, whatever the outcome, and gives the rest back.
 * Reserving is an atomic take from this replica's leased share, with no I/O; only when the share runs dry does the
 * stage wait, on a real {@code Mono}, for a lease from the database. Runs after resolve: what a budget watches
 * depends on what the name resolved to.
 */
final class BudgetStage implements RequestStage {

    private final BudgetAdmission admission;

    BudgetStage(BudgetAdmission admission) {
        this.admission = admission;
    }

    @Override
    public Mono<Void> enter(RequestContext context) {
        if (context.answeredFromCache()) {
            return Mono.empty();
        }
        Object reserved = admission.reserve(context.snapshot(), context.key(), context.target(),
                context.promptTokens(), context.maxOutputTokens(), context.choices(),
                context.api() != Api.EMBEDDINGS, hold -> held(context, hold));
        if (reserved == null) {
            return Mono.empty();
        }
        if (reserved instanceof BudgetHold hold) {
            context.budgetHold(hold);
            return Mono.empty();
        }
        @SuppressWarnings("unchecked")
        Mono<BudgetHold> waiting = (Mono<BudgetHold>) reserved;
        return waiting.then();
    }

    /** A hold taken after waiting for a lease; the client may have left meanwhile, and then it goes straight back. */
    private void held(RequestContext context, BudgetHold hold) {
        context.budgetHold(hold);
        if (context.isFinished()) {
            hold.release();
        }
    }

    @Override
    public void exit(RequestContext context, Outcome outcome) {
        if (!(context.budgetHold() instanceof BudgetHold hold)) {
            return;
        }
        RoutingTrace trace = context.trace();
        long input = context.inputTokens();
        long output = context.outputTokens();
        long cached = context.cachedTokens();
        // An agent's later steps settled their own costs as they went (see AgentStepBudgets): not counted twice.
        hold.settle(budget -> BudgetAdmission.cost(budget, trace.served(), input, output, cached, trace.extraCost())
                - context.settledEarly(budget.id()));
    }
}
