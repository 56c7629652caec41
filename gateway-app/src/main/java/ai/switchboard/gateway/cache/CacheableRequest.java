package ai.switchboard.gateway.cache;

import java.util.function.Supplier;

/**
 * A request in a wire format the cache does not parse itself (Anthropic's Messages, OpenAI's Responses): the handler
 * that knows the format says what keys it and whether it asks for a repeatable answer. Sampling rules differ per
 * API (Messages has no seed), so they stay with the API's handler rather than being guessed here.
 *
 * @param keyed what the key is made of: the request, and anything outside its body that changes the answer; made
 *     only when a policy covers the request, so that one no policy covers costs nothing
 * @param deterministic whether the request asks for the provider's most repeatable setting (temperature 0, a seed)
 */
public record CacheableRequest(Supplier<Object> keyed, boolean deterministic) {
}
