package ai.switchboard.registry.schedule;

import ai.switchboard.registry.admin.FieldErrors;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.regex.Pattern;
import org.springframework.scheduling.support.CronExpression;
import tools.jackson.databind.JsonNode;

/** What a schedule's own fields must be, before the agent and key it names are looked up. */
final class AgentScheduleRules {

    static final int MAX_INPUT_CHARS = 65_536;
    /** A schedule is for recurring work, not a load generator: at most one firing a minute. */
    static final Duration SHORTEST_PERIOD = Duration.ofMinutes(1);

    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9._-]{1,128}");

    private AgentScheduleRules() {
    }

    static void check(FieldErrors errors, AgentScheduleCommand command) {
        if (command.name() != null && !NAME.matcher(command.name()).matches()) {
            errors.add("name", "must be 1 to 128 characters of letters, digits and . _ -");
        } else {
            errors.name("name", command.name());
        }
        errors.name("agent", command.agent()).name("run_as", command.runAs());
        if (command.cron() != null) {
            cron(errors, command.cron());
        }
        if (command.input() != null) {
            input(errors, command.input());
        }
    }

    /** The parsed expression, or {@code null} with an error added. */
    static CronExpression cron(FieldErrors errors, String cron) {
        CronExpression expression;
        try {
            expression = CronExpression.parse(cron);
        } catch (IllegalArgumentException e) {
            errors.add("cron", "is not a cron expression (six fields: second minute hour day month weekday): "
                    + e.getMessage());
            return null;
        }
        LocalDateTime first = expression.next(LocalDateTime.now(ZoneOffset.UTC));
        LocalDateTime second = first == null ? null : expression.next(first);
        if (first == null) {
            errors.add("cron", "never fires");
            return null;
        }
        if (second != null && Duration.between(first, second).compareTo(SHORTEST_PERIOD) < 0) {
            errors.add("cron", "fires more often than once a minute");
            return null;
        }
        return expression;
    }

    /** The first firing strictly after {@code after}, or {@code null} if there is none. */
    static Instant next(String cron, Instant after) {
        LocalDateTime next = CronExpression.parse(cron).next(LocalDateTime.ofInstant(after, ZoneOffset.UTC));
        return next == null ? null : next.toInstant(ZoneOffset.UTC);
    }

    private static void input(FieldErrors errors, JsonNode input) {
        if (!input.isObject()) {
            errors.add("input", "must be an object: the chat request of each run");
            return;
        }
        JsonNode messages = input.get("messages");
        if (messages == null || !messages.isArray() || messages.isEmpty()) {
            errors.add("input.messages", "must be a non-empty array of messages");
        }
        for (String refused : new String[] {"model", "stream", "tools", "tool_choice"}) {
            if (input.has(refused)) {
                errors.add("input." + refused, "cannot be set: the schedule's agent decides it");
            }
        }
    }
}
