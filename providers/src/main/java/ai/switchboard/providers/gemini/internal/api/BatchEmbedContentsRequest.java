package ai.switchboard.providers.gemini.internal.api;

import java.util.List;

/** The body of {@code :batchEmbedContents}. */
public record BatchEmbedContentsRequest(List<EmbedContentRequest> requests) {

    public BatchEmbedContentsRequest {
        requests = List.copyOf(requests);
    }
}
