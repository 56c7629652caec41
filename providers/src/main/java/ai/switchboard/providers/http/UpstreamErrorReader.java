package ai.switchboard.providers.http;

import ai.switchboard.providers.api.ProviderException;
import ai.switchboard.providers.api.ProviderEndpoint;
import org.springframework.http.HttpHeaders;

/**
 * Classifies a non-2xx upstream answer from its status, headers and (bounded) body. The default is
 * {@code UpstreamErrors::fromResponse}; providers whose error bodies carry more (Gemini's Google error details,
 * Bedrock's {@code x-amzn-ErrorType}) refine it and still end in that one classifier.
 */
@FunctionalInterface
public interface UpstreamErrorReader {

    ProviderException read(ProviderEndpoint endpoint, int status, HttpHeaders headers, byte[] body);
}
