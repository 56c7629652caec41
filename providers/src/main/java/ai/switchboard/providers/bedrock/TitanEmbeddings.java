package ai.switchboard.providers.bedrock;

import ai.switchboard.providers.api.EmbeddingRequest;
import ai.switchboard.providers.api.EmbeddingResponse;
import ai.switchboard.providers.api.ErrorType;
import ai.switchboard.providers.api.ProviderEndpoint;
import ai.switchboard.providers.api.ProviderException;
import ai.switchboard.providers.api.Usage;
import ai.switchboard.providers.bedrock.internal.api.TitanEmbeddingRequest;
import ai.switchboard.providers.bedrock.internal.api.TitanEmbeddingResponse;
import ai.switchboard.providers.bedrock.internal.client.BedrockClient;
import ai.switchboard.providers.error.UpstreamErrors;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * OpenAI embeddings on Bedrock's InvokeModel with Amazon Titan text-embedding bodies
 * ({@code {"inputText","dimensions","normalize"}} to {@code {"embedding","inputTextTokenCount"}}). Titan embeds one
 * text per call, so a list of inputs becomes one call per input, at most {@value #CONCURRENCY} at a time, answered
 * in input order. Vectors are normalized, as OpenAI's are. Other embedding families on Bedrock (Cohere) take other
 * bodies and are not served by this adapter; Bedrock rejects the Titan body for them with a validation error.
 */
final class TitanEmbeddings {

    static final int CONCURRENCY = 4;

    private final BedrockClient client;

    TitanEmbeddings(BedrockClient client) {
        this.client = client;
    }

    Mono<EmbeddingResponse> embed(ProviderEndpoint endpoint, EmbeddingRequest request) {
        return Mono.defer(() -> {
            List<String> texts = request.texts();
            if (texts.isEmpty()) {
                return Mono.error(unsupported("input", "Bedrock Titan embeds strings: input must be a string or "
                        + "an array of strings"));
            }
            if ("base64".equals(request.encodingFormat())) {
                return Mono.error(unsupported("encoding_format", "Bedrock Titan returns float vectors only"));
            }
            // Titan v1 knows neither dimensions nor normalize, and rejects unknown keys.
            boolean v1 = request.model().toLowerCase(Locale.ROOT).contains("titan-embed-text-v1");
            if (v1 && request.dimensions() != null) {
                return Mono.error(unsupported("dimensions", "Titan text embeddings v1 has a fixed size"));
            }
            String path = BedrockClient.modelPath(request.model(), "invoke");
            return Flux.fromIterable(texts)
                    .flatMapSequential(text -> client.postJson(endpoint, path,
                            new TitanEmbeddingRequest(text, request.dimensions(), v1 ? null : Boolean.TRUE),
                            TitanEmbeddingResponse.class), CONCURRENCY)
                    .collectList()
                    .handle((answers, sink) -> {
                        List<EmbeddingResponse.Embedding> data = new ArrayList<>(answers.size());
                        int tokens = 0;
                        for (TitanEmbeddingResponse answer : answers) {
                            if (answer.embedding() == null || !answer.embedding().isArray()) {
                                sink.error(UpstreamErrors.malformed(endpoint, "an embedding answer without a vector",
                                        null));
                                return;
                            }
                            data.add(new EmbeddingResponse.Embedding("embedding", data.size(), answer.embedding()));
                            tokens += answer.inputTextTokenCount() == null ? 0 : answer.inputTextTokenCount();
                        }
                        sink.next(new EmbeddingResponse("list", data, request.model(), Usage.of(tokens, 0, 0),
                                null));
                    });
        });
    }

    private static ProviderException unsupported(String param, String message) {
        return new ProviderException(ErrorType.UNSUPPORTED, 400, message, param, "unsupported_parameter", null,
                null);
    }
}
