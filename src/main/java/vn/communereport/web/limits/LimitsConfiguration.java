package vn.communereport.web.limits;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;

import vn.communereport.web.session.Pages;
import vn.communereport.web.session.WebSettings;

/** The body-size limit, first of all filters, on every path. */
@Configuration(proxyBeanMethods = false)
class LimitsConfiguration {

    @Bean
    FilterRegistrationBean<BodySizeLimit> bodySizeLimit(WebSettings settings, Pages pages,
                                                        @Value("${spring.servlet.multipart.max-request-size:5MB}") DataSize maxUpload) {
        FilterRegistrationBean<BodySizeLimit> registration = new FilterRegistrationBean<>(new BodySizeLimit(settings.maxBody(), maxUpload, pages));
        registration.addUrlPatterns("/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
