package ai.switchboard.bench.replay.harness;

/**
 * One group of the gateway's usage ledger ({@code GET /admin/v1/usage?group_by=route}).
 *
 * @param requests requests recorded
 * @param inputTokens prompt tokens, including those the route spent on calls it did not return
 * @param outputTokens completion tokens, likewise
 * @param costUsd the ledger's cost
 * @param errors requests that failed
 */
public record UsageRow(long requests, long inputTokens, long outputTokens, double costUsd, long errors) {
}
