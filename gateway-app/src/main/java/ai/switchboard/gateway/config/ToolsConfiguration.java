package ai.switchboard.gateway.config;

import ai.switchboard.tools.ToolTypes;
import ai.switchboard.tools.delegate.AgentToolType;
import ai.switchboard.tools.http.HttpToolType;
import ai.switchboard.tools.sql.SqlToolType;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The built-in tool types an admin may configure under {@code /admin/v1/tools}. The registry validates tool
 * definitions against this catalog; nothing builds a tool instance yet.
 */
@Configuration(proxyBeanMethods = false)
class ToolsConfiguration {

    /** Closed with the context: it owns the DNS resolver every http tool resolves through. */
    @Bean(destroyMethod = "close")
    HttpToolType httpToolType() {
        return HttpToolType.withDefaultDns();
    }

    @Bean
    ToolTypes toolTypes(HttpToolType http) {
        return new ToolTypes(List.of(http, new SqlToolType(), new AgentToolType()));
    }
}
