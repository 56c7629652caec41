package ai.switchboard.registry.declarative;

import ai.switchboard.registry.admin.RegistryConflictException;
import ai.switchboard.registry.admin.RegistryNotFoundException;
import ai.switchboard.registry.admin.RegistryValidationException;
import ai.switchboard.registry.crypto.CredentialDecryptionException;
import ai.switchboard.registry.provider.ProviderAdminService;
import ai.switchboard.registry.provider.ProviderCreateCommand;
import ai.switchboard.registry.provider.ProviderEntity;
import ai.switchboard.registry.provider.ProviderRepository;
import ai.switchboard.registry.provider.ProviderSecrets;
import ai.switchboard.registry.provider.ProviderUpdateCommand;
import ai.switchboard.registry.provider.SensitiveHeaders;
import ai.switchboard.registry.provider.UrlCredentials;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/** {@code providers:} — matched by name; credentials come from the environment variable in {@code api_key_env}. */
@Component
class ProviderSection implements DeclarativeSection {

    private final ProviderRepository providers;
    private final ProviderAdminService service;
    private final ProviderSecrets secrets;

    ProviderSection(ProviderRepository providers, ProviderAdminService service, ProviderSecrets secrets) {
        this.providers = providers;
        this.service = service;
        this.secrets = secrets;
    }

    @Override
    public String key() {
        return "providers";
    }

    @Override
    public int order() {
        return 100;
    }

    @Override
    public SectionResult apply(List<JsonNode> entries, ApplyContext context) {
        SectionResult result = SectionResult.none();
        for (int i = 0; i < entries.size(); i++) {
            String path = key() + "[" + i + "]";
            ProviderEntry entry = context.bind(entries.get(i), path, ProviderEntry.class, ProviderEntry.FIELDS,
                    ProviderEntry.INLINE_SECRETS);
            if (entry == null || !credentialHeadersAbsent(entry, path, context)) {
                continue;
            }
            if (UrlCredentials.present(entry.baseUrl())) {
                // Refused even when the stored URL is the same, which would otherwise count as "unchanged".
                context.error(path + ".base_url", "must not contain credentials (user:password@); use api_key_env");
                continue;
            }
            String apiKey = null;
            if (entry.apiKeyEnv() != null) {
                apiKey = context.env(entry.apiKeyEnv());
                if (apiKey == null) {
                    context.error(path + ".api_key_env", "environment variable " + entry.apiKeyEnv() + " is not set");
                    continue;
                }
            }
            try {
                result = result.plus(upsert(entry, apiKey, context.actor()));
            } catch (RegistryValidationException e) {
                context.errors(path, e);
            } catch (RegistryConflictException | RegistryNotFoundException e) {
                context.error(path, e.getMessage());
            }
        }
        return result;
    }

    private SectionResult upsert(ProviderEntry entry, String apiKey, String actor) {
        Optional<ProviderEntity> found = entry.name() == null ? Optional.empty() : providers.findByName(entry.name());
        if (found.isEmpty()) {
            service.create(new ProviderCreateCommand(entry.name(), entry.type(), entry.baseUrl(), apiKey,
                    entry.extraHeaders(), entry.settings(), entry.connectTimeoutMs(), entry.responseTimeoutMs(),
                    entry.enabled()), actor);
            return SectionResult.ofCreated();
        }
        ProviderEntity current = found.get();
        // Credential headers set through the admin API are kept: the file cannot carry them.
        Map<String, String> headers = null;
        if (entry.extraHeaders() != null) {
            Map<String, String> stored = storedHeaders(current);
            Map<String, String> wanted = new LinkedHashMap<>(entry.extraHeaders());
            stored.forEach((name, value) -> {
                if (SensitiveHeaders.isSensitive(name)) {
                    wanted.put(name, value);
                }
            });
            headers = wanted.equals(stored) ? null : wanted;
        }
        ProviderUpdateCommand update = new ProviderUpdateCommand(null,
                differs(entry.type(), current.getType()),
                differs(entry.baseUrl(), current.getBaseUrl()),
                apiKey != null && !apiKey.equals(storedKey(current)) ? apiKey : null,
                false,
                headers,
                differs(entry.settings(), current.getSettings()),
                differs(entry.connectTimeoutMs(), current.getConnectTimeoutMs()),
                differs(entry.responseTimeoutMs(), current.getResponseTimeoutMs()),
                differs(entry.enabled(), current.isEnabled()));
        if (update.equals(new ProviderUpdateCommand(null, null, null, null, false, null, null, null, null, null))) {
            return SectionResult.ofUnchanged();
        }
        service.update(current.getName(), update, actor);
        return SectionResult.ofUpdated();
    }

    private String storedKey(ProviderEntity provider) {
        try {
            return secrets.decrypt(provider).apiKey();
        } catch (CredentialDecryptionException e) {
            return null; // undecryptable: re-encrypting with the declared value repairs it
        }
    }

    private Map<String, String> storedHeaders(ProviderEntity provider) {
        try {
            return secrets.extraHeaders(provider);
        } catch (CredentialDecryptionException e) {
            return Map.of(); // undecryptable: the declared headers replace them
        }
    }

    private static boolean credentialHeadersAbsent(ProviderEntry entry, String path, ApplyContext context) {
        boolean ok = true;
        if (entry.extraHeaders() != null) {
            for (String header : entry.extraHeaders().keySet()) {
                if (SensitiveHeaders.isSensitive(header)) {
                    context.error(path + ".extra_headers." + header, "looks like a credential; credentials are never "
                            + "written in the file (use api_key_env, or set the header through the admin API)");
                    ok = false;
                }
            }
        }
        return ok;
    }

    private static <T> T differs(T wanted, T current) {
        return wanted == null || Objects.equals(wanted, current) ? null : wanted;
    }

    @Override
    public List<ProviderEntry> export() {
        return providers.findAllByOrderByNameAsc().stream().map(p -> {
            Map<String, String> headers = new LinkedHashMap<>();
            storedHeaders(p).forEach((name, value) -> {
                if (!SensitiveHeaders.isSensitive(name)) {
                    headers.put(name, value);
                }
            });
            // A URL stored with credentials before they were refused is exported masked: applying it fails loudly.
            return new ProviderEntry(p.getName(), p.getType(), UrlCredentials.masked(p.getBaseUrl()), null, headers,
                    new LinkedHashMap<>(p.getSettings()), p.getConnectTimeoutMs(), p.getResponseTimeoutMs(),
                    p.isEnabled());
        }).toList();
    }

    @Override
    public String historyType() {
        return ProviderAdminService.ENTITY;
    }

    @Override
    public SecretRestore secretRestore() {
        return SecretRestore.MISSING;
    }
}
