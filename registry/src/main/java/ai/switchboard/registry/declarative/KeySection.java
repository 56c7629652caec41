package ai.switchboard.registry.declarative;

import ai.switchboard.registry.KeyScope;
import ai.switchboard.registry.admin.RegistryConflictException;
import ai.switchboard.registry.admin.RegistryNotFoundException;
import ai.switchboard.registry.admin.RegistryValidationException;
import ai.switchboard.registry.key.ApiKeyAdminService;
import ai.switchboard.registry.key.ApiKeyCreateCommand;
import ai.switchboard.registry.key.ApiKeyEntity;
import ai.switchboard.registry.key.ApiKeyRepository;
import ai.switchboard.registry.key.ApiKeyUpdateCommand;
import ai.switchboard.registry.key.GeneratedApiKey;
import ai.switchboard.registry.key.KeyGrantor;
import ai.switchboard.registry.team.TeamEntity;
import ai.switchboard.registry.team.TeamRepository;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * {@code keys:} — metadata of virtual keys. A key with {@code key_hash_env} is identified by that hash and created
 * when missing; a key without it must already be live under its name (issued through the admin API, which is the
 * only place a plaintext is ever shown).
 */
@Component
class KeySection implements DeclarativeSection {

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    private final ApiKeyRepository keys;
    private final TeamRepository teams;
    private final ApiKeyAdminService service;

    KeySection(ApiKeyRepository keys, TeamRepository teams, ApiKeyAdminService service) {
        this.keys = keys;
        this.teams = teams;
        this.service = service;
    }

    @Override
    public String key() {
        return "keys";
    }

    @Override
    public int order() {
        return 400;
    }

    @Override
    public SectionResult apply(List<JsonNode> entries, ApplyContext context) {
        SectionResult result = SectionResult.none();
        for (int i = 0; i < entries.size(); i++) {
            String path = key() + "[" + i + "]";
            KeyEntry entry = context.bind(entries.get(i), path, KeyEntry.class, KeyEntry.FIELDS,
                    KeyEntry.INLINE_SECRETS);
            if (entry == null) {
                continue;
            }
            try {
                Optional<ApiKeyEntity> existing = find(entry, path, context);
                if (existing == null) {
                    continue;
                }
                result = result.plus(existing.isPresent() ? update(existing.get(), entry, context.actor())
                        : create(entry, context));
            } catch (RegistryValidationException e) {
                context.errors(path, e);
            } catch (RegistryConflictException | RegistryNotFoundException e) {
                context.error(path, e.getMessage());
            }
        }
        return result;
    }

    /** The key the entry manages, empty when it is to be created, or null (with an error) when it cannot be. */
    private Optional<ApiKeyEntity> find(KeyEntry entry, String path, ApplyContext context) {
        if (entry.keyHashEnv() == null) {
            Optional<ApiKeyEntity> live = entry.name() == null ? Optional.empty()
                    : keys.findByNameOrderByCreatedAtDesc(entry.name()).stream().filter(k -> !k.isRevoked())
                            .findFirst();
            if (live.isEmpty()) {
                context.error(path + ".name", "no live key named '" + entry.name() + "'; issue it with POST "
                        + "/admin/v1/keys, or declare key_hash_env with the SHA-256 of a key you generated");
                return null;
            }
            return live;
        }
        String hash = hash(entry, context);
        if (hash == null) {
            context.error(path + ".key_hash_env", "environment variable " + entry.keyHashEnv()
                    + " must hold the key's SHA-256 as 64 hex characters");
            return null;
        }
        Optional<ApiKeyEntity> existing = keys.findByHash(hash);
        if (existing.isPresent() && existing.get().isRevoked()) {
            context.error(path, "the key in " + entry.keyHashEnv() + " was revoked; declare a new key");
            return null;
        }
        return existing;
    }

    private SectionResult create(KeyEntry entry, ApplyContext context) {
        service.install(new ApiKeyCreateCommand(entry.name(), entry.scopes(), entry.allowedModels(),
                entry.expiresAt(), entry.team()), GeneratedApiKey.ofHash(hash(entry, context)), KeyGrantor.system(context.actor()));
        return SectionResult.ofCreated();
    }

    private SectionResult update(ApiKeyEntity key, KeyEntry entry, String actor) {
        if (entry.name() != null && !entry.name().equals(key.getName())) {
            throw new RegistryConflictException("The key in " + entry.keyHashEnv() + " is registered as '"
                    + key.getName() + "'; keys cannot be renamed");
        }
        List<String> scopes = entry.scopes() == null ? null : scopes(entry.scopes());
        ApiKeyUpdateCommand update = new ApiKeyUpdateCommand(null,
                scopes == null || scopes.equals(key.getScopes()) ? null : entry.scopes(),
                entry.allowedModels() == null
                        || entry.allowedModels().stream().distinct().toList().equals(key.getAllowedModels()) ? null
                        : entry.allowedModels(),
                entry.expiresAt() == null || Objects.equals(entry.expiresAt(), key.getExpiresAt()) ? null
                        : entry.expiresAt(),
                entry.team() == null || entry.team().equals(teamName(key)) ? null : entry.team(), Set.of());
        if (update.equals(new ApiKeyUpdateCommand(null, null, null, null, null, Set.of()))) {
            return SectionResult.ofUnchanged();
        }
        service.update(key.getId().toString(), update, KeyGrantor.system(actor));
        return SectionResult.ofUpdated();
    }

    private String teamName(ApiKeyEntity key) {
        return key.getTeamId() == null ? null : teams.findById(key.getTeamId()).map(TeamEntity::getName).orElse(null);
    }

    private static List<String> scopes(List<String> scopes) {
        try {
            return scopes.stream().map(s -> KeyScope.fromWire(s).wireName()).distinct().toList();
        } catch (IllegalArgumentException | NullPointerException e) {
            return List.of("\0invalid"); // never equal: the service then reports the bad value
        }
    }

    private static String hash(KeyEntry entry, ApplyContext context) {
        String value = context.env(entry.keyHashEnv());
        String hash = value == null ? null : value.trim().toLowerCase(Locale.ROOT);
        return hash != null && SHA256_HEX.matcher(hash).matches() ? hash : null;
    }

    @Override
    public List<KeyEntry> export() {
        Instant now = Instant.now();
        return keys.findAllByOrderByCreatedAtAsc().stream().filter(k -> !k.isRevoked() && k.activeAt(now))
                .map(k -> new KeyEntry(k.getName(), List.copyOf(k.getScopes()), List.copyOf(k.getAllowedModels()),
                        k.getExpiresAt(), null, teamName(k))).toList();
    }

    @Override
    public String historyType() {
        return ApiKeyAdminService.ENTITY;
    }

    @Override
    public SecretRestore secretRestore() {
        return SecretRestore.IMPOSSIBLE;
    }
}
