package vn.communereport.web.session;

import java.util.List;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import vn.communereport.web.WebPrincipal;

/**
 * A controller parameter of type {@link WebPrincipal} is the one the session filter set, never anything bound from the
 * request: without this, Spring would build the record from request parameters (memberId=..&officeAdmin=true).
 * Outside {@code /app/} there is none, and asking for one is a mistake in the controller.
 */
@Configuration(proxyBeanMethods = false)
class PrincipalArguments implements WebMvcConfigurer, HandlerMethodArgumentResolver {

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(this);
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return WebPrincipal.class.equals(parameter.getParameterType());
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer container, NativeWebRequest request,
                                  WebDataBinderFactory binders) {
        Object principal = request.getAttribute(WebPrincipal.ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        if (!(principal instanceof WebPrincipal)) {
            throw new IllegalStateException("No WebPrincipal: " + parameter.getExecutable() + " must be served under /app/");
        }
        return principal;
    }
}
