package ai.switchboard.registry.provider;

import ai.switchboard.registry.admin.FieldErrors;
import ai.switchboard.registry.admin.IdOrName;
import ai.switchboard.registry.admin.RegistryConflictException;
import ai.switchboard.registry.ProviderStatus;
import ai.switchboard.registry.admin.RegistryNotFoundException;
import ai.switchboard.registry.crypto.CredentialDecryptionException;
import ai.switchboard.registry.model.ModelRepository;
import ai.switchboard.registry.snapshot.RegistryChangeRecorder;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates, reads, changes and deletes providers. Blocking (JPA): call it on the {@code registryScheduler}. Every
 * change is audited, bumps the registry revision and is in the snapshot when the method returns.
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

    public ProviderAdminService(ProviderRepository providers, ModelRepository models, ProviderSecrets secrets,
            RegistryChangeRecorder changes) {
        this.providers = providers;
        this.models = models;
        this.secrets = secrets;
        this.changes = changes;
    }

    public ProviderView create(ProviderCreateCommand command, String actor) {
        FieldErrors errors = new FieldErrors()
                .required("name", command.name()).name("name", command.name())
                .required("type", command.type())
                .required("base_url", command.baseUrl()).httpUrl("base_url", command.baseUrl())
                .notBlank("api_key", command.apiKey(), 8192)
                .positive("connect_timeout_ms", command.connectTimeoutMs())
                .positive("response_timeout_ms", command.responseTimeoutMs());
        checkType(errors, command.type());
        checkNoCredentialsIn(errors, command.baseUrl());
        checkMap(errors, "extra_headers", command.extraHeaders());
        checkMap(errors, "settings", command.settings());
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

    public ProviderView update(String idOrName, ProviderUpdateCommand command, String actor) {
        ProviderEntity provider = find(idOrName);
        FieldErrors errors = new FieldErrors()
                .name("name", command.name())
                .httpUrl("base_url", command.baseUrl())
                .notBlank("api_key", command.apiKey(), 8192)
                .positive("connect_timeout_ms", command.connectTimeoutMs())
                .positive("response_timeout_ms", command.responseTimeoutMs());
        if (command.type() != null) {
            checkType(errors, command.type());
        }
        if (command.clearApiKey() && command.apiKey() != null) {
            errors.add("api_key", "cannot both set and clear the credential");
        }
        checkNoCredentialsIn(errors, command.baseUrl());
        checkMap(errors, "extra_headers", command.extraHeaders());
        checkMap(errors, "settings", command.settings());
        errors.throwIfAny();
        if (command.name() != null && !command.name().equals(provider.getName())
                && providers.existsByName(command.name())) {
            throw duplicate(command.name());
        }
        Map<String, Object> changed = new LinkedHashMap<>();
        if (command.name() != null && !command.name().equals(provider.getName())) {
            changed.put("previous_name", provider.getName());
            provider.setName(command.name());
            changed.put("name", command.name());
        }
        if (command.type() != null) {
            provider.setType(command.type());
            changed.put("type", command.type());
        }
        if (command.baseUrl() != null) {
            provider.setBaseUrl(command.baseUrl());
            changed.put("base_url", command.baseUrl());
        }
        if (command.apiKey() != null || command.clearApiKey()) {
            secrets.setApiKey(provider, command.apiKey());
            changed.put("api_key_set", command.apiKey() != null);
        }
        if (command.extraHeaders() != null) {
            secrets.setExtraHeaders(provider, command.extraHeaders());
            changed.put("extra_headers", SensitiveHeaders.maskAll(command.extraHeaders()));
        }
        if (command.settings() != null) {
            provider.setSettings(command.settings());
            changed.put("settings", command.settings());
        }
        if (command.connectTimeoutMs() != null) {
            provider.setConnectTimeoutMs(command.connectTimeoutMs());
            changed.put("connect_timeout_ms", command.connectTimeoutMs());
        }
        if (command.responseTimeoutMs() != null) {
            provider.setResponseTimeoutMs(command.responseTimeoutMs());
            changed.put("response_timeout_ms", command.responseTimeoutMs());
        }
        if (command.enabled() != null) {
            provider.setEnabled(command.enabled());
            changed.put("enabled", command.enabled());
        }
        Instant now = Instant.now();
        provider.touch(now);
        save(provider);
        changes.record(actor, "update", ENTITY, provider.getId(), provider.getName(), changed, now);
        return view(provider);
    }

    public void delete(String idOrName, String actor) {
        ProviderEntity provider = find(idOrName);
        long inUse = models.countByProviderId(provider.getId());
        if (inUse > 0) {
            throw new RegistryConflictException("Provider '" + provider.getName() + "' is used by " + inUse
                    + " model(s); delete or move them first");
        }
        providers.delete(provider);
        providers.flush();
        changes.record(actor, "delete", ENTITY, provider.getId(), provider.getName(), Map.of(), Instant.now());
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
        try {
            providers.saveAndFlush(provider);
        } catch (DataIntegrityViolationException e) {
            // Lost a race with a concurrent create of the same name.
            throw duplicate(provider.getName());
        }
    }

    private static RegistryConflictException duplicate(String name) {
        return new RegistryConflictException("A provider named '" + name + "' already exists");
    }

    private static void checkType(FieldErrors errors, String type) {
        if (type != null && !ProviderTypes.isKnown(type)) {
            errors.add("type", "must be one of " + ProviderTypes.ALL.stream().sorted().toList());
        }
    }

    private static void checkNoCredentialsIn(FieldErrors errors, String baseUrl) {
        if (UrlCredentials.present(baseUrl)) {
            errors.add("base_url", "must not contain credentials (user:password@); give them as api_key or in "
                    + "extra_headers, which are encrypted");
        }
    }

    private static void checkMap(FieldErrors errors, String field, Map<String, String> map) {
        if (map != null) {
            map.forEach((key, value) -> {
                if (key == null || key.isBlank() || value == null) {
                    errors.add(field + "." + key, "must be a non-empty name with a string value");
                }
            });
        }
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
