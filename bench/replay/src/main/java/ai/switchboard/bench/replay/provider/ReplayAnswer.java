package ai.switchboard.bench.replay.provider;

/**
 * What the replay provider answers to one call.
 *
 * @param text the assistant's content
 * @param promptTokens the billed prompt tokens
 * @param completionTokens the billed completion tokens
 */
record ReplayAnswer(String text, int promptTokens, int completionTokens) {
}
