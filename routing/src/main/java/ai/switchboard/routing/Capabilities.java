package ai.switchboard.routing;

import ai.switchboard.providers.api.ChatMessage;
import ai.switchboard.providers.api.ChatRequest;
import ai.switchboard.providers.api.ContentPart;
import ai.switchboard.registry.Capability;
import ai.switchboard.registry.ModelConfig;
import java.util.EnumSet;
import java.util.Set;

/** What a model can do, and what a chat request needs. */
public final class Capabilities {

    /** What a model registered without capabilities is assumed to do. */
    public static final Set<Capability> DEFAULTS =
            EnumSet.of(Capability.CHAT, Capability.COMPLETIONS, Capability.STREAMING);

    private Capabilities() {
    }

    public static boolean supports(ModelConfig model, Capability capability) {
        Set<Capability> declared = model.capabilities();
        return declared.isEmpty() ? DEFAULTS.contains(capability) : declared.contains(capability);
    }

    public static boolean supportsAll(ModelConfig model, Set<Capability> required) {
        for (Capability capability : required) {
            if (!supports(model, capability)) {
                return false;
            }
        }
        return true;
    }

    /** Everything {@code request} needs: chat, plus streaming, tools, image input and JSON output when it uses them. */
    public static Set<Capability> requiredBy(ChatRequest request) {
        Set<Capability> required = EnumSet.of(Capability.CHAT);
        if (request.isStream()) {
            required.add(Capability.STREAMING);
        }
        if (request.tools() != null && !request.tools().isEmpty()) {
            required.add(Capability.TOOLS);
        }
        if (request.responseFormat() != null && request.responseFormat().wantsJson()) {
            required.add(Capability.JSON);
        }
        if (hasImages(request)) {
            required.add(Capability.VISION);
        }
        return required;
    }

    public static boolean hasImages(ChatRequest request) {
        if (request.messages() == null) {
            return false;
        }
        for (ChatMessage message : request.messages()) {
            if (message.content() != null && message.content().isArray()) {
                for (ContentPart part : message.parts()) {
                    if (part.isImage()) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
