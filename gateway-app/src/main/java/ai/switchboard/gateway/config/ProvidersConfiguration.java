package ai.switchboard.gateway.config;

import ai.switchboard.providers.ProviderAdapters;
import ai.switchboard.providers.anthropic.AnthropicAdapter;
import ai.switchboard.providers.azure.AzureOpenAiAdapter;
import ai.switchboard.providers.bedrock.BedrockAdapter;
import ai.switchboard.providers.cohere.CohereAdapter;
import ai.switchboard.providers.gemini.GeminiAdapter;
import ai.switchboard.providers.api.ProviderAdapter;
import ai.switchboard.providers.http.ProviderHttpClients;
import ai.switchboard.providers.openai.OpenAiAdapter;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The provider adapters and the HTTP client pools they share. */
@Configuration(proxyBeanMethods = false)
class ProvidersConfiguration {

    @Bean(destroyMethod = "close")
    ProviderHttpClients providerHttpClients() {
        return new ProviderHttpClients();
    }

    @Bean
    OpenAiAdapter openAiAdapter(ProviderHttpClients clients) {
        return new OpenAiAdapter(clients);
    }

    @Bean
    AnthropicAdapter anthropicAdapter(ProviderHttpClients clients) {
        return new AnthropicAdapter(clients);
    }

    @Bean
    AzureOpenAiAdapter azureOpenAiAdapter(ProviderHttpClients clients) {
        return new AzureOpenAiAdapter(clients);
    }

    @Bean
    GeminiAdapter geminiAdapter(ProviderHttpClients clients) {
        return new GeminiAdapter(clients);
    }

    @Bean
    CohereAdapter cohereAdapter(ProviderHttpClients clients) {
        return new CohereAdapter(clients);
    }

    @Bean
    BedrockAdapter bedrockAdapter(ProviderHttpClients clients) {
        return new BedrockAdapter(clients);
    }

    @Bean
    ProviderAdapters providerAdapters(List<ProviderAdapter> adapters) {
        return new ProviderAdapters(adapters);
    }
}
