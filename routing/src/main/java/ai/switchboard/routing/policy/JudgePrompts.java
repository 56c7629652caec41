package ai.switchboard.routing.policy;

import ai.switchboard.providers.api.ChatMessage;
import ai.switchboard.providers.api.ChatRequest;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.node.StringNode;

/** The requests sent to judge models and the reading of their one-number answers. */
final class JudgePrompts {

    private static final Pattern NUMBER = Pattern.compile("\\d+(?:\\.\\d+)?");

    private JudgePrompts() {
    }

    /** Asks for a 0-10 score of one answer to the user's last message. */
    static ChatRequest score(String question, String answer) {
        return request("Rate how well the answer serves the question, from 0 (useless) to 10 (excellent). "
                + "Reply with the number only.", "Question:\n" + question + "\n\nAnswer:\n" + answer);
    }

    /** Asks for the number of the best of several answers. */
    static ChatRequest pick(String question, List<String> answers) {
        StringBuilder text = new StringBuilder("Question:\n").append(question).append("\n");
        for (int i = 0; i < answers.size(); i++) {
            text.append("\nAnswer ").append(i + 1).append(":\n").append(answers.get(i)).append("\n");
        }
        return request("Pick the best answer to the question. Reply with its number only.", text.toString());
    }

    /** The first number in a judge's reply, or {@code NaN}. */
    static double firstNumber(String reply) {
        Matcher matcher = NUMBER.matcher(reply);
        return matcher.find() ? Double.parseDouble(matcher.group()) : Double.NaN;
    }

    private static ChatRequest request(String system, String user) {
        return new ChatRequest(null, List.of(message("system", system), message("user", user)), null, null, null,
                null, null, null, null, null, null, null, null, 16, null, 0.0, null, null, null, null, null);
    }

    private static ChatMessage message(String role, String text) {
        return new ChatMessage(role, StringNode.valueOf(text), null, null, null, null, null);
    }
}
