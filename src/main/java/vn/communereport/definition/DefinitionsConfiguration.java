package vn.communereport.definition;

import java.nio.file.Path;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Loads and checks the definitions once at start; a broken file stops the application with a clear reason. */
@Configuration(proxyBeanMethods = false)
class DefinitionsConfiguration {

    @Bean
    Definitions definitions(@Value("${app.conversations-dir:conversations}") String conversationsDir) {
        return DefinitionFiles.load(Path.of(conversationsDir));
    }

}
