package ai.switchboard.gateway.auth;

import ai.switchboard.registry.ApiKeyRecord;
import ai.switchboard.registry.KeyScope;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * Who may call a handler: anyone ({@link #PUBLIC}), or a key holding at least one of {@code anyOf}.
 *
 * @param anyOf the accepted scopes; empty only for {@link #PUBLIC}
 * @param apiKeyHeader whether the key may also come in Anthropic's {@code x-api-key} header rather than as
 *     {@code Authorization: Bearer}; only the routes of Anthropic's API accept it (see {@link #orApiKeyHeader})
 */
public record HandlerAccess(Set<KeyScope> anyOf, boolean apiKeyHeader) {

    /** No key needed. Only the public actuator endpoints use it, see {@link ActuatorAccess}. */
    public static final HandlerAccess PUBLIC = new HandlerAccess(Set.of());

    public HandlerAccess {
        anyOf = anyOf.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(anyOf));
    }

    /** Access for a key sent as {@code Authorization: Bearer} only. */
    public HandlerAccess(Set<KeyScope> anyOf) {
        this(anyOf, false);
    }

    /**
     * The same access, with the key also taken from {@code x-api-key} when no {@code Authorization} header is sent:
     * Claude Code and the Anthropic SDKs send their key there.
     */
    public HandlerAccess orApiKeyHeader() {
        if (isPublic()) {
            throw new IllegalStateException("Public access reads no key");
        }
        return new HandlerAccess(anyOf, true);
    }

    /** A key with {@code scope} or any of {@code more} may call. */
    public static HandlerAccess anyOf(KeyScope scope, KeyScope... more) {
        return new HandlerAccess(EnumSet.of(scope, more));
    }

    /** Access as a {@link RequiredScope} declares it; {@code null} for an empty one, which is never read as public. */
    static HandlerAccess of(RequiredScope declared) {
        KeyScope[] scopes = declared.value();
        return scopes.length == 0 ? null : new HandlerAccess(EnumSet.of(scopes[0], scopes));
    }

    public boolean isPublic() {
        return anyOf.isEmpty();
    }

    public boolean allows(ApiKeyRecord key) {
        for (KeyScope scope : anyOf) {
            if (key.hasScope(scope)) {
                return true;
            }
        }
        return false;
    }

    /** The scopes as the admin API spells them, for error messages: {@code 'admin'} or {@code 'admin' or 'x'}. */
    String describe() {
        StringBuilder names = new StringBuilder();
        for (KeyScope scope : anyOf) {
            names.append(names.isEmpty() ? "'" : " or '").append(scope.wireName()).append('\'');
        }
        return names.toString();
    }
}
