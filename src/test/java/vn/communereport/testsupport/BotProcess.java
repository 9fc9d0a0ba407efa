package vn.communereport.testsupport;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import vn.communereport.CommuneReportApplication;

/**
 * The real application, started in this JVM against a Bot API base URL and a database of the test's own (an H2
 * file, or PostgreSQL: see {@link TestDatabase}), so a test can stop it and start it again on the same data, as a
 * server restart would.
 */
public final class BotProcess implements AutoCloseable {

    public static final String TOKEN = "123456:TEST-token_for-the-stand-in";

    private final ConfigurableApplicationContext context;

    private BotProcess(ConfigurableApplicationContext context) {
        this.context = context;
    }

    public static BotProcess start(String apiUrl, Path dataDir, String officeAdminIds, Map<String, String> extra) {
        return start(apiUrl, dataDir, officeAdminIds, extra, null);
    }

    /** With {@code clock}, the application runs on that clock instead of the system's. */
    public static BotProcess start(String apiUrl, Path dataDir, String officeAdminIds, Map<String, String> extra, java.time.Clock clock) {
        return start(apiUrl, dataDir, officeAdminIds, extra, clock, null);
    }

    /** With {@code processor}, every bean passes through it (a test's statement counter, say). */
    public static BotProcess start(String apiUrl, Path dataDir, String officeAdminIds, Map<String, String> extra, java.time.Clock clock,
                                   org.springframework.beans.factory.config.BeanPostProcessor processor) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("telegram.bot-token", TOKEN);
        properties.put("telegram.api-url", apiUrl);
        properties.put("telegram.poll-timeout-seconds", "2");
        // The stand-in only limits rates when a test asks it to; tests that do set these back.
        properties.put("telegram.chat-messages-per-second", "1000");
        properties.put("telegram.chat-burst", "1000");
        properties.putAll(TestDatabase.settingsFor(dataDir));
        properties.put("app.office-admin-ids", officeAdminIds);
        properties.put("server.port", "0"); // tests run side by side: each application on a free port
        // Periods are proposed to the office only in tests that ask for it (their messages would be one more to await).
        properties.put("app.windows.initial-delay", "PT24H");
        properties.putAll(extra);
        // Command-line arguments outrank application.yml and a developer's .env.
        String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        SpringApplicationBuilder builder = new SpringApplicationBuilder(CommuneReportApplication.class);
        if (clock != null) {
            builder.initializers(ctx -> ctx.getBeanFactory().registerSingleton("clock", clock));
        }
        if (processor != null) {
            builder.initializers(ctx -> ctx.getBeanFactory().addBeanPostProcessor(processor));
        }
        ConfigurableApplicationContext context = builder.run(args);
        return new BotProcess(context);
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }
}
