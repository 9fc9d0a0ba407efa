package vn.communereport.web.console;

import java.util.List;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import vn.communereport.access.AccessService;
import vn.communereport.acting.ActingScopes;

/** Lets console handlers name the office administrator they serve as a parameter. */
@Configuration(proxyBeanMethods = false)
class ConsoleConfiguration implements WebMvcConfigurer {

    private final AccessService access;
    private final ActingScopes scopes;

    ConsoleConfiguration(AccessService access, ActingScopes scopes) {
        this.access = access;
        this.scopes = scopes;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new OfficeAdminResolver(access, scopes));
    }
}
