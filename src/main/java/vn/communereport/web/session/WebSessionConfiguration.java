package vn.communereport.web.session;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** The session filter on {@code /app/*}, after the body-size limit and before anything that reads a parameter. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WebSettings.class)
class WebSessionConfiguration {

    /** Right after the body-size limit ({@code web.limits}, highest precedence). */
    static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

    @Bean
    FilterRegistrationBean<SessionFilter> sessionFilter(Sessions sessions, Pages pages) {
        FilterRegistrationBean<SessionFilter> registration = new FilterRegistrationBean<>(new SessionFilter(sessions, pages));
        registration.addUrlPatterns("/app/*");
        registration.setOrder(ORDER);
        return registration;
    }
}
