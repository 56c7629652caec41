package ai.switchboard.routing.policy;

import static ai.switchboard.routing.policy.PolicyTestSupport.policy;
import static ai.switchboard.routing.testsupport.TestDeployments.answer;
import static ai.switchboard.routing.testsupport.TestDeployments.deployment;
import static ai.switchboard.routing.testsupport.TestDeployments.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.switchboard.providers.api.ChatRequest;
import ai.switchboard.providers.api.EmbeddingResponse;
import ai.switchboard.providers.api.ErrorType;
import ai.switchboard.providers.api.ProviderException;
import ai.switchboard.providers.api.Usage;
import ai.switchboard.providers.json.WireJson;
import ai.switchboard.registry.admin.RegistryValidationException;
import ai.switchboard.routing.RoutingTrace;
import ai.switchboard.routing.execution.RoutingFailedException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/** specialist-generalist with each classifier, its targets answered by scripted invokers. */
class SpecialistPolicyTests {

    private static final String KEYWORDS = """
            {"classifier": "keywords", "generalist": "general", "specialists": [
              {"label": "billing", "target": "billing-model", "keywords": ["invoice", "refund"]},
              {"label": "code", "target": "coder", "keywords": ["exception"], "regex": "\\\\bstack\\\\s+trace\\\\b"}
            ]}""";

    private static final String EMBEDDINGS = """
            {"classifier": "embeddings", "generalist": "general", "embedding_model": "embedder", "threshold": 0.8,
             "specialists": [
              {"label": "billing", "target": "billing-model", "examples": ["charged twice", "refund please"]},
              {"label": "code", "target": "coder", "examples": ["my build fails"]}
            ]}""";

    /** Fixed vectors per text: two axes, billing-like and code-like; unknown texts embed to the diagonal. */
    private static final Map<String, double[]> VECTORS = Map.of(
            "charged twice", new double[] {1, 0}, "refund please", new double[] {0.9, 0.1},
            "my build fails", new double[] {0, 1}, "I was billed two times", new double[] {0.95, 0.05},
            "compiler error", new double[] {0.1, 0.9}, "right between", new double[] {1, 1},
            "weather today", new double[] {-1, 0});

    private final List<List<String>> embedded = new CopyOnWriteArrayList<>();
    private final AtomicInteger failEmbeddings = new AtomicInteger();
    private final EmbeddingInvoker embedder = (target, body) -> Mono.defer(() -> {
        List<String> texts = body.texts();
        embedded.add(texts);
        if (failEmbeddings.getAndDecrement() > 0) {
            return Mono.error(new RoutingFailedException(List.of(), ProviderException.of(ErrorType.TIMEOUT, "slow")));
        }
        List<EmbeddingResponse.Embedding> data = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            JsonNode vector = WireJson.mapper().valueToTree(VECTORS.get(texts.get(i)));
            data.add(new EmbeddingResponse.Embedding("embedding", i, vector));
        }
        return Mono.just(new EmbeddingResponse("list", data, "e", Usage.of(texts.size(), 0, 0), null));
    });

    private final List<ChatRequest> asked = new CopyOnWriteArrayList<>();

    @Test
    void keywordsPickTheHighestScoringSpecialistElseTheGeneralist() {
        ConfiguredPolicy specialist = policy("specialist-generalist", KEYWORDS);

        assertThat(plan(specialist, "Where is my invoice?", null)).containsExactly("billing-model", "general");
        assertThat(plan(specialist, "Here is a Stack  Trace", null)).containsExactly("coder", "general");
        assertThat(plan(specialist, "What's the weather?", null)).containsExactly("general");
        // Two code rules beat one billing keyword.
        assertThat(plan(specialist, "invoice service throws an exception, stack trace below", null))
                .containsExactly("coder", "general");
        assertThat(specialist.targets()).containsExactly("billing-model", "coder", "general");
    }

    @Test
    void keywordTiesGoToTheSpecialistListedFirstAndTheDecisionIsTraced() {
        RoutingRequest request = routing("refund after an exception", null, null);

        RoutePlan plan = policy("specialist-generalist", KEYWORDS).plan(request).block();

        assertThat(((RoutePlan.Targets) plan).names()).containsExactly("billing-model", "general");
        assertThat(request.trace().decisions()).containsExactly(
                "specialist-generalist: keywords chose 'billing' (score 1) -> billing-model");
    }

    @Test
    void embeddingsPickTheMostSimilarExampleAboveTheThreshold() {
        ConfiguredPolicy specialist = policy("specialist-generalist", EMBEDDINGS);

        assertThat(plan(specialist, "I was billed two times", null)).containsExactly("billing-model", "general");
        assertThat(plan(specialist, "compiler error", null)).containsExactly("coder", "general");
        RoutingRequest below = routing("weather today", null, embedder);
        assertThat(((RoutePlan.Targets) specialist.plan(below).block()).names()).containsExactly("general");
        assertThat(below.trace().decisions().get(0)).startsWith("specialist-generalist: embeddings chose no "
                + "specialist (best similarity 0.000 below 0.8)");
        assertThat(specialist.targets()).contains("embedder");
    }

    @Test
    void embeddingTiesGoToTheSpecialistListedFirst() {
        String lowThreshold = EMBEDDINGS.replace("\"threshold\": 0.8", "\"threshold\": 0.5");

        assertThat(plan(policy("specialist-generalist", lowThreshold), "right between", null))
                .containsExactly("billing-model", "general");
    }

    @Test
    void exampleVectorsAreEmbeddedOncePerRouteRevisionAndAFailureIsNotRemembered() {
        ConfiguredPolicy specialist = policy("specialist-generalist", EMBEDDINGS);
        failEmbeddings.set(2);

        RoutingRequest failed = routing("compiler error", null, embedder);
        assertThat(((RoutePlan.Targets) specialist.plan(failed).block()).names()).containsExactly("general");
        assertThat(failed.trace().decisions().get(0)).contains("embeddings failed (timeout)");

        plan(specialist, "compiler error", null);
        plan(specialist, "I was billed two times", null);
        List<String> examples = List.of("charged twice", "refund please", "my build fails");
        assertThat(embedded.stream().filter(examples::equals).count()).isEqualTo(2);

        plan(policy("specialist-generalist", EMBEDDINGS.replace("0.8", "0.7")), "compiler error", null);
        assertThat(embedded.stream().filter(examples::equals).count()).isEqualTo(3);
    }

    @Test
    void cosineSimilarityIsScaleFreeAndRejectsMismatchedDimensions() {
        assertThat(EmbeddingClassifier.cosine(new double[] {1, 2}, new double[] {2, 4})).isCloseTo(1.0,
                org.assertj.core.data.Offset.offset(1e-12));
        assertThat(EmbeddingClassifier.cosine(new double[] {0, 0}, new double[] {1, 0})).isZero();
        assertThatThrownBy(() -> EmbeddingClassifier.cosine(new double[] {1}, new double[] {1, 0}))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anLlmAnswersOneLabelFromAClosedListAtTemperatureZero() {
        ConfiguredPolicy specialist = policy("specialist-generalist", """
                {"classifier": "llm", "generalist": "general", "classifier_model": "tiny", "max_tokens": 4,
                 "specialists": [{"label": "billing", "target": "billing-model", "description": "payments"},
                                 {"label": "code", "target": "coder"}]}""");

        RoutingRequest request = routing("my build fails", "  \"Code.\"\n", null);
        assertThat(((RoutePlan.Targets) specialist.plan(request).block()).names()).containsExactly("coder", "general");
        assertThat(request.trace().decisions()).containsExactly(
                "specialist-generalist: llm chose 'code' (answered 'code') -> coder");
        assertThat(request.trace().extraCompletionTokens()).isEqualTo(5);
        ChatRequest ask = asked.get(0);
        assertThat(ask.temperature()).isEqualTo(0.0);
        assertThat(ask.maxTokens()).isEqualTo(4);
        assertThat(ask.messages().get(0).text()).contains("- billing: payments", "- code", "- none");
        assertThat(ask.messages().get(1).text()).isEqualTo("my build fails");

        assertThat(plan(specialist, "hi", "weather")).containsExactly("general");
        assertThat(plan(specialist, "hi", "none")).containsExactly("general");
        assertThat(plan(specialist, "hi", null)).containsExactly("general");
    }

    @Test
    void llmRepliesAreReadLenientlyButNeverGuessed() {
        List<String> labels = List.of("billing", "code", "code-review");
        assertThat(LlmClassifier.parse("BILLING", labels)).isEqualTo("billing");
        assertThat(LlmClassifier.parse("Label: code-review.", labels)).isEqualTo("code-review");
        assertThat(LlmClassifier.parse("The answer is `code`", labels)).isEqualTo("code");
        assertThat(LlmClassifier.parse("billing or code", labels)).isNull();
        assertThat(LlmClassifier.parse("none", labels)).isNull();
        assertThat(LlmClassifier.parse("coding", labels)).isNull();
        assertThat(LlmClassifier.parse("", labels)).isNull();
    }

    @Test
    void configurationIsValidatedPerClassifier() {
        assertThatThrownBy(() -> policy("specialist-generalist", """
                {"classifier": "keywords", "generalist": "g", "specialists": [
                  {"label": "Bad Label", "target": "a", "keywords": ["x"]},
                  {"label": "b", "target": "b"}, {"label": "none", "target": "c", "keywords": ["y"]}],
                 "extra": 1}"""))
                .isInstanceOf(RegistryValidationException.class)
                .hasMessageContaining("config.specialists[0].label").hasMessageContaining("config.specialists[1]")
                .hasMessageContaining("config.specialists[2].label").hasMessageContaining("config.extra");
        assertThatThrownBy(() -> policy("specialist-generalist", """
                {"classifier": "embeddings", "generalist": "g", "threshold": 2,
                 "specialists": [{"label": "a", "target": "a"}, {"label": "a", "target": "b", "examples": ["x"]}]}"""))
                .isInstanceOf(RegistryValidationException.class)
                .hasMessageContaining("config.embedding_model").hasMessageContaining("config.threshold")
                .hasMessageContaining("config.specialists[0].examples")
                .hasMessageContaining("duplicates label 'a'");
        assertThatThrownBy(() -> policy("specialist-generalist", """
                {"classifier": "llm", "specialists": [], "max_tokens": 500}"""))
                .isInstanceOf(RegistryValidationException.class)
                .hasMessageContaining("config.classifier_model").hasMessageContaining("config.generalist")
                .hasMessageContaining("config.specialists").hasMessageContaining("config.max_tokens");
        assertThatThrownBy(() -> policy("specialist-generalist", "{\"classifier\": \"vibes\"}"))
                .hasMessageContaining("must be keywords, embeddings or llm");
    }

    private List<String> plan(ConfiguredPolicy policy, String text, String llmReply) {
        return ((RoutePlan.Targets) policy.plan(routing(text, llmReply, embedder)).block()).names();
    }

    /** A request whose classifier model answers {@code llmReply} ({@code null}: the call fails). */
    private RoutingRequest routing(String text, String llmReply, EmbeddingInvoker embeddings) {
        TargetInvoker invoker = (target, body) -> Mono.defer(() -> {
            asked.add(body);
            return llmReply == null
                    ? Mono.error(new RoutingFailedException(List.of(), ProviderException.of(ErrorType.TIMEOUT, "x")))
                    : Mono.just(new TargetAnswer(answer(llmReply), deployment(target)));
        });
        return new RoutingRequest(request("r", text), "k", Set.of(), new RoutingTrace("t"), invoker,
                embeddings == null ? embedder : embeddings, name -> null);
    }
}
