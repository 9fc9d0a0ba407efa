package vn.communereport.web.limits;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

import vn.communereport.web.session.Pages;

/** An upload found too large while it was read (no length declared up front): the same answer as the filter's. */
@ControllerAdvice
class UploadTooLarge {

    private final Pages pages;

    private final DataSize maxUpload;

    UploadTooLarge(Pages pages, @Value("${spring.servlet.multipart.max-request-size:5MB}") DataSize maxUpload) {
        this.pages = pages;
        this.maxUpload = maxUpload;
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    void tooLarge(HttpServletResponse response) throws IOException {
        response.setHeader("Connection", "close");
        pages.send(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "web.too-large.upload", Pages.size(maxUpload));
    }
}
