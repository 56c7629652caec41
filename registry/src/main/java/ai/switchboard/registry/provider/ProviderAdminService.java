package ai.switchboard.registry.provider;

import ai.switchboard.registry.ProviderStatus;
import ai.switchboard.registry.admin.ColumnLimits;
import ai.switchboard.registry.admin.DatabaseErrors;
import ai.switchboard.registry.admin.FieldErrors;
import ai.switchboard.registry.admin.IdOrName;
import ai.switchboard.registry.admin.RegistryConflictException;
import ai.switchboard.registry.admin.RegistryNotFoundException;
import ai.switchboard.registry.crypto.CredentialDecryptionException;
import ai.switchboard.registry.model.ModelRepository;
import ai.switchboard.registry.snapshot.RegistryChangeRecorder;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates, reads, changes and deletes providers. Blocking (JPA): call it on the {@code registryScheduler}. Every
 * change is audited, bumps the registry revision and is in the snapshot when the method returns; a write that changes
 * nothing does none of that. Every field is validated before anything reaches the database.
 */
@Service
@Transactional
public class ProviderAdminService {

    /** The entity type in audit rows and error messages. */
    public static final String ENTITY = "provider";

    static final int DEFAULT_CONNECT_TIMEOUT_MS = 10_000;
    static final int DEFAULT_RESPONSE_TIMEOUT_MS = 120_000;

    private final ProviderRepository providers;
    private final ModelRepository models;
    private final ProviderSecrets secrets;
    private final RegistryChangeRecorder changes;
    private final ProviderRules rules;

    public ProviderAdminService(ProviderRepository providers, ModelRepository models, ProviderSecrets secrets,
            RegistryChangeRecorder changes, ProviderRules rules) {
        this.providers = providers;
        this.models = models;
        this.secrets = secrets;
        this.changes = changes;
        this.rules = rules;
    }

    public ProviderView create(ProviderCreateCommand command, String actor) {
        FieldErrors errors = new FieldErrors()
                .required("name", command.name())
                .required("type", command.type())
                .required("base_url", command.baseUrl());
        rules.checkFields(errors, command.name(), command.type(), command.baseUrl(), command.apiKey(),
                command.extraHeaders(), command.settings(), command.connectTimeoutMs(), command.responseTimeoutMs());
        rules.checkForType(errors, command.type(), command.baseUrl(), orEmpty(command.settings()));
        errors.throwIfAny();
        if (providers.existsByName(command.name())) {
            throw duplicate(command.name());
        }
        Instant now = Instant.now();
        ProviderEntity provider = new ProviderEntity(UUID.randomUUID(), command.name(), now);
        provider.setType(command.type());
        provider.setBaseUrl(command.baseUrl());
        secrets.setApiKey(provider, command.apiKey());
        secrets.setExtraHeaders(provider, orEmpty(command.extraHeaders()));
        provider.setSettings(orEmpty(command.settings()));
        provider.setConnectTimeoutMs(orDefault(command.connectTimeoutMs(), DEFAULT_CONNECT_TIMEOUT_MS));
        provider.setResponseTimeoutMs(orDefault(command.responseTimeoutMs(), DEFAULT_RESPONSE_TIMEOUT_MS));
        provider.setEnabled(command.enabled() == null || command.enabled());
        save(provider);
        changes.record(actor, "create", ENTITY, provider.getId(), provider.getName(),
                describe(provider, orEmpty(command.extraHeaders())), now);
        return view(provider);
    }

    @Transactional(readOnly = true)
    public List<ProviderView> list() {
        return providers.findAllByOrderByNameAsc().stream().map(this::view).toList();
    }

    @Transactional(readOnly = true)
    public ProviderView get(String idOrName) {
        return view(find(idOrName));
    }

    /** Changes the given fields; a change to nothing (every field as stored) records nothing and bumps nothing. */
    public ProviderView update(String idOrName, ProviderUpdateCommand command, String actor) {
        ProviderEntity provider = find(idOrName);
        Map<String, Object> before = state(provider);
        FieldErrors errors = new FieldErrors();
        rules.checkFields(errors, command.name(), command.type(), command.baseUrl(), command.apiKey(),
                command.extraHeaders(), command.settings(), command.connectTimeoutMs(), command.responseTimeoutMs());
        if (command.clearApiKey() && command.apiKey() != null) {
            errors.add("api_key", "cannot both set and clear the credential");
        }
        if (command.type() != null || command.baseUrl() != null || command.settings() != null) {
            rules.checkForType(errors, or(command.type(), provider.getType()),
                    or(command.baseUrl(), provider.getBaseUrl()), or(command.settings(), provider.getSettings()));
        }
        errors.throwIfAny();
        if (command.name() != null && !command.name().equals(provider.getName())
                && providers.existsByName(command.name())) {
            throw duplicate(command.name());
        }
        Map<String, Object> changed = new LinkedHashMap<>();
        if (differs(command.name(), provider.getName())) {
            changed.put("previous_name", provider.getName());
            provider.setName(command.name());
            changed.put("name", command.name());
        }
        if (differs(command.type(), provider.getType())) {
            provider.setType(command.type());
            changed.put("type", command.type());
        }
        if (differs(command.baseUrl(), provider.getBaseUrl())) {
            provider.setBaseUrl(command.baseUrl());
            changed.put("base_url", command.baseUrl());
        }
        if (command.apiKey() != null && !command.apiKey().equals(storedApiKey(provider))) {
            secrets.setApiKey(provider, command.apiKey());
            changed.put("api_key_set", true);
        } else if (command.clearApiKey() && provider.getApiKeyCiphertext() != null) {
            secrets.setApiKey(provider, null);
            changed.put("api_key_set", false);
        }
        if (command.extraHeaders() != null && !command.extraHeaders().equals(storedExtraHeaders(provider))) {
            secrets.setExtraHeaders(provider, command.extraHeaders());
            changed.put("extra_headers", SensitiveHeaders.maskAll(command.extraHeaders()));
        }
        if (differs(command.settings(), provider.getSettings())) {
            provider.setSettings(command.settings());
            changed.put("settings", command.settings());
        }
        if (differs(command.connectTimeoutMs(), provider.getConnectTimeoutMs())) {
            provider.setConnectTimeoutMs(command.connectTimeoutMs());
            changed.put("connect_timeout_ms", command.connectTimeoutMs());
        }
        if (differs(command.responseTimeoutMs(), provider.getResponseTimeoutMs())) {
            provider.setResponseTimeoutMs(command.responseTimeoutMs());
            changed.put("response_timeout_ms", command.responseTimeoutMs());
        }
        if (differs(command.enabled(), provider.isEnabled())) {
            provider.setEnabled(command.enabled());
            changed.put("enabled", command.enabled());
        }
        if (changed.isEmpty()) {
            return view(provider);
        }
        Instant now = Instant.now();
        provider.touch(now);
        save(provider);
        changes.recordChange(actor, "update", ENTITY, provider.getId(), provider.getName(), before, state(provider),
                now);
        return view(provider);
    }

    public void delete(String idOrName, String actor) {
        ProviderEntity provider = find(idOrName);
        long inUse = models.countByProviderId(provider.getId());
        if (inUse > 0) {
            throw new RegistryConflictException("Provider '" + provider.getName() + "' is used by " + inUse
                    + " model(s); delete or move them first");
        }
        Map<String, Object> before = state(provider);
        try {
            providers.delete(provider);
            providers.flush();
        } catch (DataAccessException e) {
            throw DatabaseErrors.translate(e, ENTITY, provider.getName(), null); // a model added meanwhile
        }
        changes.recordChange(actor, "delete", ENTITY, provider.getId(), provider.getName(), before, null,
                Instant.now());
    }

    /** The admin view, with the status the stored secrets give the provider. */
    private ProviderView view(ProviderEntity provider) {
        try {
            return ProviderView.of(provider, secrets.decrypt(provider).extraHeaders(), ProviderStatus.OK);
        } catch (CredentialDecryptionException e) {
            return ProviderView.of(provider, null, ProviderStatus.CREDENTIAL_ERROR);
        }
    }

    private ProviderEntity find(String idOrName) {
        UUID id = IdOrName.asUuid(idOrName);
        return (id != null ? providers.findById(id) : providers.findByName(idOrName))
                .orElseThrow(() -> new RegistryNotFoundException(ENTITY, idOrName));
    }

    private void save(ProviderEntity provider) {
        ColumnLimits.check(provider);
        try {
            providers.saveAndFlush(provider);
        } catch (DataAccessException e) {
            // A concurrent create of the same name, or something validation let through: say which.
            throw DatabaseErrors.translate(e, ENTITY, provider.getName(), provider);
        }
    }

    /** The stored credential, so that setting the same one again is no change; null when none or unreadable. */
    private String storedApiKey(ProviderEntity provider) {
        if (provider.getApiKeyCiphertext() == null) {
            return null;
        }
        try {
            return secrets.decrypt(provider).apiKey();
        } catch (CredentialDecryptionException e) {
            return null; // written with another master key: storing the new value repairs it
        }
    }

    /** The stored headers, so that setting the same ones again is no change; null when unreadable. */
    private Map<String, String> storedExtraHeaders(ProviderEntity provider) {
        try {
            return secrets.extraHeaders(provider);
        } catch (CredentialDecryptionException e) {
            return null;
        }
    }

    private static boolean differs(Object wanted, Object current) {
        return wanted != null && !wanted.equals(current);
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }

    private static RegistryConflictException duplicate(String name) {
        return new RegistryConflictException("A provider named '" + name + "' already exists", "name");
    }

    private Map<String, Object> state(ProviderEntity provider) {
        return RegistryChangeRecorder.state(provider.getName(), describe(provider, orEmpty(storedExtraHeaders(provider))));
    }

    private static Map<String, Object> describe(ProviderEntity p, Map<String, String> extraHeaders) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("type", p.getType());
        detail.put("base_url", p.getBaseUrl());
        detail.put("api_key_set", p.getApiKeyCiphertext() != null);
        detail.put("extra_headers", SensitiveHeaders.maskAll(extraHeaders));
        detail.put("settings", p.getSettings());
        detail.put("connect_timeout_ms", p.getConnectTimeoutMs());
        detail.put("response_timeout_ms", p.getResponseTimeoutMs());
        detail.put("enabled", p.isEnabled());
        return detail;
    }

    private static Map<String, String> orEmpty(Map<String, String> map) {
        return map == null ? Map.of() : map;
    }

    private static int orDefault(Integer value, int fallback) {
        return value == null ? fallback : value;
    }
}
