package ai.switchboard.gateway.eval.grade;

import ai.switchboard.providers.api.ChatMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.StringNode;

/**
 * A model (or route) of the registry scores the answer from 1 to 10 against a rubric; it passes at
 * {@code passScore} or above. The judge is asked for {@code {"score": n}}; a judge that wraps it in prose or answers
 * "8/10" is still read (the first whole number from 1 to 10), and one whose reply holds no such number fails the case
 * with its reply kept as the detail.
 */
public record JudgeGrader(String target, String rubric, int passScore) implements Grader {

    public static final int DEFAULT_PASS_SCORE = 7;
    private static final Pattern SCORE_OBJECT = Pattern.compile("\\{[^{}]*\"score\"[^{}]*}");
    private static final Pattern ONE_TO_TEN = Pattern.compile("(?<![\\d.])(10|[1-9])(?!\\d|\\.\\d)");

    @Override
    public JsonNode spec() {
        return JsonNodeFactory.instance.objectNode().put("type", Graders.JUDGE).put("model", target)
                .put("rubric", rubric).put("pass_score", passScore);
    }

    /** What the judge is sent: the rubric, the conversation the answer replies to, the reference if any, the answer. */
    public List<ChatMessage> prompt(List<ChatMessage> question, String answer, JsonNode expected) {
        String system = "You grade an answer against a rubric. Rubric:\n" + rubric
                + "\n\nReply with only a JSON object {\"score\": n}, n a whole number from 1 (worst) to 10 (best).";
        StringBuilder user = new StringBuilder("Conversation:\n");
        for (ChatMessage message : question) {
            user.append(message.role()).append(": ").append(message.text()).append('\n');
        }
        if (expected != null && !expected.isNull()) {
            user.append("\nReference answer:\n").append(Graders.text(expected)).append('\n');
        }
        user.append("\nAnswer to grade:\n").append(answer);
        List<ChatMessage> messages = new ArrayList<>();
        messages.add(message("system", system));
        messages.add(message("user", user.toString()));
        return messages;
    }

    /** Reads the judge's reply. */
    public Grade grade(String reply) {
        Integer score = score(reply);
        if (score == null) {
            return new Grade(false, null, "the judge gave no score from 1 to 10: " + reply);
        }
        return new Grade(score >= passScore, score, null);
    }

    static Integer score(String reply) {
        Matcher object = SCORE_OBJECT.matcher(reply);
        while (object.find()) {
            try {
                JsonNode score = JsonMapper.shared().readTree(object.group()).get("score");
                if (score != null && score.isNumber() && score.canConvertToExactIntegral()
                        && score.asInt() >= 1 && score.asInt() <= 10) {
                    return score.asInt();
                }
            } catch (JacksonException notJson) {
                // Read as prose below.
            }
        }
        Matcher number = ONE_TO_TEN.matcher(reply);
        return number.find() ? Integer.valueOf(number.group(1)) : null;
    }

    private static ChatMessage message(String role, String content) {
        return new ChatMessage(role, StringNode.valueOf(content), null, null, null, null, null);
    }
}
