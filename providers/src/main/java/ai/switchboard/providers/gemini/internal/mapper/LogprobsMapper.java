package ai.switchboard.providers.gemini.internal.mapper;

import ai.switchboard.providers.gemini.internal.api.LogprobsCandidate;
import ai.switchboard.providers.gemini.internal.api.LogprobsResult;
import ai.switchboard.providers.json.WireJson;
import java.nio.charset.StandardCharsets;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code logprobsResult} as OpenAI's {@code logprobs: {content: [{token, logprob, bytes, top_logprobs}]}}. */
final class LogprobsMapper {

    private LogprobsMapper() {
    }

    /** The OpenAI {@code logprobs} object, or {@code null} when Gemini sent none. */
    static JsonNode toOpenAi(LogprobsResult result) {
        if (result == null || result.chosenCandidates().isEmpty()) {
            return null;
        }
        ObjectNode logprobs = WireJson.mapper().createObjectNode();
        ArrayNode content = logprobs.putArray("content");
        List<LogprobsCandidate> chosen = result.chosenCandidates();
        for (int step = 0; step < chosen.size(); step++) {
            ObjectNode token = token(chosen.get(step));
            ArrayNode top = token.putArray("top_logprobs");
            if (step < result.topCandidates().size()) {
                result.topCandidates().get(step).candidates().forEach(candidate -> top.add(token(candidate)));
            }
            content.add(token);
        }
        logprobs.putNull("refusal");
        return logprobs;
    }

    private static ObjectNode token(LogprobsCandidate candidate) {
        String text = candidate.token() == null ? "" : candidate.token();
        ObjectNode token = WireJson.mapper().createObjectNode();
        token.put("token", text);
        token.put("logprob", candidate.logProbability() == null ? 0.0 : candidate.logProbability());
        ArrayNode bytes = token.putArray("bytes");
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            bytes.add(b & 0xFF);
        }
        return token;
    }
}
