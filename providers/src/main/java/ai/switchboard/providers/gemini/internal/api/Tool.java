package ai.switchboard.providers.gemini.internal.api;

import java.util.List;

/** A tool entry; the gateway only offers {@code functionDeclarations}. */
public record Tool(List<FunctionDeclaration> functionDeclarations) {

    public Tool {
        functionDeclarations = List.copyOf(functionDeclarations);
    }
}
