package vn.communereport.web.session;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import vn.communereport.messaging.Texts;

/**
 * The web channel's short pages that say one thing (signed out, link used, forbidden ...), each a title and a few
 * lines from the bundles. Filters answer with them directly, outside Spring MVC.
 */
@Component
public class Pages {

    private final ITemplateEngine templates;
    private final Texts texts;

    Pages(ITemplateEngine templates, Texts texts) {
        this.templates = templates;
        this.texts = texts;
    }

    /** A page under {@code key}: its title {@code key.title}, its lines {@code key.text} split at line breaks. */
    public void send(HttpServletResponse response, int status, String key, Object... args) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.TEXT_HTML_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(render(key, args));
    }

    public String render(String key, Object... args) {
        List<String> lines = Arrays.asList(texts.get(key + ".text", args).split("\n"));
        Context context = new Context(Texts.VIETNAMESE, Map.of("title", texts.get(key + ".title"), "lines", lines));
        return templates.process("auth/message", context);
    }

    /** A size as people read it: "256 KB", "5 MB". */
    public static String size(DataSize size) {
        long bytes = size.toBytes();
        return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MB" : bytes % 1024 == 0 ? bytes / 1024 + " KB" : bytes + " B";
    }
}
