package ai.switchboard.gateway.it;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.models.responses.Response;
import com.openai.models.responses.ResponseOutputItem;
import java.time.Duration;
import java.util.stream.Collectors;

/** The official OpenAI Java SDK as the Responses API tests use it: a client of the gateway, and an answer's text. */
final class ResponsesSdk {

    private ResponsesSdk() {
    }

    /** A provider, a model on it and a key for it under {@code prefix}, with a client using that key. */
    record Gateway(String prefix, String model, String key, OpenAIClient client) {
    }

    static OpenAIClient client(int port, String key) {
        return OpenAIOkHttpClient.builder().baseUrl("http://localhost:" + port + "/v1").apiKey(key).maxRetries(0)
                .timeout(Duration.ofSeconds(20)).build();
    }

    /** The text of a response's message items, as the SDK reads it. */
    static String text(Response response) {
        return response.output().stream().filter(ResponseOutputItem::isMessage)
                .flatMap(item -> item.asMessage().content().stream())
                .filter(content -> content.isOutputText())
                .map(content -> content.asOutputText().text())
                .collect(Collectors.joining());
    }
}
