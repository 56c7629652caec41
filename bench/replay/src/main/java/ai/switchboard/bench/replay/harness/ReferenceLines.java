package ai.switchboard.bench.replay.harness;

import ai.switchboard.bench.replay.provider.ReplayUsage;
import ai.switchboard.bench.replay.record.ModelAnswer;
import ai.switchboard.bench.replay.record.ReplayDataset;
import ai.switchboard.bench.replay.record.ReplayItem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The two lines a routing result is read against, computed from the recordings and the price table (each answer
 * billed as the replay provider bills it):
 * <ul>
 * <li>random: sending a share p of prompts to the strong model at random costs and scores, in expectation, the
 * straight line from always-weak (p = 0) to always-strong (p = 1);</li>
 * <li>perfect: an oracle that knows every grade. It starts with the cheaper model for every prompt and switches
 * prompts to the other model where that one scored higher, cheapest gain first, so each point is the best score
 * any router can reach for its cost. Its last point is the perfect router.</li>
 * </ul>
 *
 * @param random always-weak, then always-strong
 * @param perfect the oracle frontier, from the cheapest choice to the perfect router
 */
public record ReferenceLines(List<CurvePoint> random, List<CurvePoint> perfect) {

    public ReferenceLines {
        random = List.copyOf(random);
        perfect = List.copyOf(perfect);
    }

    public CurvePoint perfectRouter() {
        return perfect.get(perfect.size() - 1);
    }

    /**
     * The accuracy a random router reaches at {@code costPct}: on the line between always-weak and always-strong,
     * and beyond either end that end's accuracy (spending more than the dearer model buys nothing).
     */
    public double randomAccuracyAt(double costPct) {
        CurvePoint a = random.get(0);
        CurvePoint b = random.get(1);
        CurvePoint low = a.costPct() <= b.costPct() ? a : b;
        CurvePoint high = low == a ? b : a;
        if (costPct <= low.costPct()) {
            return low.accuracyPct();
        }
        if (costPct >= high.costPct()) {
            return Math.max(low.accuracyPct(), high.accuracyPct());
        }
        double share = (costPct - low.costPct()) / (high.costPct() - low.costPct());
        return low.accuracyPct() + share * (high.accuracyPct() - low.accuracyPct());
    }

    private record Choice(double cost, double score) {
    }

    private record Upgrade(double extraCost, double gain) {
    }

    public static ReferenceLines of(ReplayDataset dataset, PriceTable prices) {
        double strongCost = 0;
        double strongScore = 0;
        double weakCost = 0;
        double weakScore = 0;
        double startCost = 0;
        double startScore = 0;
        List<Upgrade> upgrades = new ArrayList<>();
        for (ReplayItem item : dataset.items()) {
            Choice strong = choice(item, dataset.strongModel(), prices);
            Choice weak = choice(item, dataset.weakModel(), prices);
            strongCost += strong.cost();
            strongScore += strong.score();
            weakCost += weak.cost();
            weakScore += weak.score();
            boolean weakFirst = weak.cost() < strong.cost()
                    || (weak.cost() == strong.cost() && weak.score() >= strong.score());
            Choice start = weakFirst ? weak : strong;
            Choice other = weakFirst ? strong : weak;
            startCost += start.cost();
            startScore += start.score();
            if (other.score() > start.score()) {
                upgrades.add(new Upgrade(other.cost() - start.cost(), other.score() - start.score()));
            }
        }
        upgrades.sort(Comparator.comparingDouble(upgrade -> upgrade.extraCost() / upgrade.gain()));
        List<CurvePoint> perfect = new ArrayList<>(upgrades.size() + 1);
        perfect.add(point(startCost, startScore, strongCost, strongScore));
        for (Upgrade upgrade : upgrades) {
            startCost += upgrade.extraCost();
            startScore += upgrade.gain();
            perfect.add(point(startCost, startScore, strongCost, strongScore));
        }
        return new ReferenceLines(List.of(point(weakCost, weakScore, strongCost, strongScore),
                new CurvePoint(100, 100)), perfect);
    }

    /** What answering {@code item} with {@code model} costs and scores, billed as the replay provider bills it. */
    static double itemCost(ReplayItem item, String model, PriceTable prices) {
        ReplayUsage usage = ReplayUsage.of(item.answer(model), List.of(item.prompt()));
        return prices.of(model).cost(usage.promptTokens(), usage.completionTokens());
    }

    private static Choice choice(ReplayItem item, String model, PriceTable prices) {
        ModelAnswer answer = item.answer(model);
        return new Choice(itemCost(item, model, prices), answer.score());
    }

    private static CurvePoint point(double cost, double score, double strongCost, double strongScore) {
        return new CurvePoint(Grading.percent(cost, strongCost), Grading.percent(score, strongScore));
    }
}
