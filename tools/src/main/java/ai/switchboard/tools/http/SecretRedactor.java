package ai.switchboard.tools.http;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.core.io.JsonStringEncoder;

/**
 * Removes a tool's secrets from text an upstream sent back (an API that echoes the request, an error page quoting
 * the Authorization header), in the forms they travel in: as configured, JSON-escaped, URL-encoded, and the
 * credential after an auth scheme ({@code Bearer <token>}).
 */
final class SecretRedactor {

    static final String MARK = "[REDACTED]";

    private final List<String> forms;

    SecretRedactor(Collection<String> secrets) {
        Set<String> forms = new LinkedHashSet<>();
        for (String secret : secrets) {
            addForms(forms, secret);
            int space = secret.indexOf(' ');
            if (space > 0 && space < secret.length() - 1) {
                addForms(forms, secret.substring(space + 1).strip());
            }
        }
        forms.remove("");
        // Longest first, so a secret containing another is removed whole.
        this.forms = forms.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    String redact(String text) {
        if (text == null || forms.isEmpty()) {
            return text;
        }
        String result = text;
        for (String form : forms) {
            result = result.replace(form, MARK);
        }
        return result;
    }

    /**
     * Redacts text that was cut at a size cap: a secret the cut went through leaves a prefix at the end that no
     * longer matches whole, so any ending that starts a secret is dropped too.
     */
    String redactCut(String text) {
        String result = redact(text);
        for (String form : forms) {
            for (int length = Math.min(form.length() - 1, result.length()); length > 0; length--) {
                if (result.endsWith(form.substring(0, length))) {
                    result = result.substring(0, result.length() - length);
                    break;
                }
            }
        }
        return result;
    }

    private static void addForms(Set<String> forms, String secret) {
        forms.add(secret);
        forms.add(new String(JsonStringEncoder.getInstance().quoteAsCharArray(secret)));
        forms.add(URLEncoder.encode(secret, StandardCharsets.UTF_8));
        forms.add(URLEncoder.encode(secret, StandardCharsets.UTF_8).replace("+", "%20"));
    }
}
