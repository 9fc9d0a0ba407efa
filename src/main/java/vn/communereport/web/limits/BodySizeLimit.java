package vn.communereport.web.limits;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

import vn.communereport.web.session.Pages;

/**
 * Refuses a request whose declared body is larger than allowed, before anything reads it: a file upload
 * (multipart) up to {@code spring.servlet.multipart.max-request-size}, any other body up to {@code app.web.max-body}.
 * A body sent without a declared length is held to the same limits by Tomcat's form limit and Spring's multipart
 * limits ({@link UploadTooLarge}).
 */
class BodySizeLimit extends OncePerRequestFilter {

    private final DataSize maxBody;
    private final DataSize maxUpload;
    private final Pages pages;

    BodySizeLimit(DataSize maxBody, DataSize maxUpload, Pages pages) {
        this.maxBody = maxBody;
        this.maxUpload = maxUpload;
        this.pages = pages;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long length = request.getContentLengthLong();
        String type = request.getContentType();
        boolean upload = type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/");
        DataSize limit = upload ? maxUpload : maxBody;
        if (length > limit.toBytes()) {
            // Tomcat would otherwise keep reading the unwanted body to reuse the connection.
            response.setHeader("Connection", "close");
            pages.send(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, upload ? "web.too-large.upload" : "web.too-large.body",
                    Pages.size(limit));
            return;
        }
        chain.doFilter(request, response);
    }
}
