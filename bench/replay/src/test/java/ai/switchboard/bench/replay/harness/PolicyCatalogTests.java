package ai.switchboard.bench.replay.harness;

import static org.assertj.core.api.Assertions.assertThat;

import ai.switchboard.bench.replay.record.ModelAnswer;
import ai.switchboard.bench.replay.record.ReplayDataset;
import ai.switchboard.bench.replay.record.ReplayItem;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PolicyCatalogTests {

    @Test
    void theGsm8kFormatCheckRejectsExactlyTheAnswersWithoutAFinalNumberLine() {
        // Compiled as the gateway compiles refusal patterns, and applied as it applies them (find).
        Pattern check = Pattern.compile(PolicyCatalog.NO_GSM8K_FINAL_ANSWER,
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

        assertThat(check.matcher("She sells 9 eggs for 9 * $2 = $18.\n#### 18").find()).isFalse();
        assertThat(check.matcher(" It takes 2 + 1 = 3 bolts.\n#### 3.5 \n").find()).isFalse();
        assertThat(check.matcher("The loss is $1,200.\n#### -1,200").find()).isFalse();
        assertThat(check.matcher("#### 12\nbut since you can't have half a bolt, it takes 3.").find()).isTrue();
        assertThat(check.matcher("So the answer is 18.").find()).isTrue();
        assertThat(check.matcher("#### eighteen").find()).isTrue();
    }

    @Test
    void theBoxedCheckRejectsAnswersWithoutABoxedValue() {
        Pattern check = Pattern.compile(PolicyCatalog.NO_BOXED_ANSWER, Pattern.CASE_INSENSITIVE);

        assertThat(check.matcher("Because of the budget.\n\\boxed{C}").find()).isFalse();
        assertThat(check.matcher("The answer is C.").find()).isTrue();
    }

    @Test
    void runsBaselinesCascadeFromTheCheaperModelJudgeRouterAndSpecialistUnderDistinctValidRouteNames() {
        ReplayDataset dataset = new ReplayDataset("mt-bench", "gpt-4", "mixtral", IntStream.range(0, 8)
                .mapToObj(i -> new ReplayItem("q" + i, "word ".repeat(10 * (i + 1)), Map.of(
                        "gpt-4", ModelAnswer.of("a", 1), "mixtral", ModelAnswer.of("b", 0))))
                .toList(), 10);

        List<PolicySetting> settings = PolicyCatalog.settings(dataset, "mixtral", "judge");

        assertThat(settings).extracting(PolicySetting::policy).startsWith("always-strong", "always-weak")
                .contains("cascade", "router", "specialist");
        assertThat(settings).filteredOn(setting -> setting.setting().startsWith("judge-")).hasSize(2)
                .allSatisfy(setting -> assertThat(setting.config().path("judge").path("target").asString())
                        .isEqualTo("judge"));
        assertThat(settings).filteredOn(setting -> setting.policy().equals("cascade"))
                .allSatisfy(setting -> assertThat(setting.config().path("steps").path(0).asString())
                        .isEqualTo("mixtral"));
        assertThat(settings).filteredOn(setting -> setting.policy().equals("router")).hasSize(3);
        List<String> routes = settings.stream().map(setting -> setting.routeName(dataset.name())).toList();
        assertThat(routes).doesNotHaveDuplicates().allMatch(route -> route.matches("[a-zA-Z0-9._:/-]{1,128}"));
    }

    @Test
    void leavesTheCascadeOutWhereAnswersAreSynthesisedAndThereIsNoJudge() {
        ReplayDataset mmlu = new ReplayDataset("mmlu", "s", "w", List.of(new ReplayItem("1", "Q?", Map.of(
                "s", ModelAnswer.of("x", 1), "w", ModelAnswer.of("y", 0)))), 1);

        assertThat(PolicyCatalog.settings(mmlu, "w", null)).extracting(PolicySetting::policy)
                .doesNotContain("cascade");
    }
}
