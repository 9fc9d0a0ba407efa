package vn.communereport.testsupport;

import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import vn.communereport.CommuneReportApplication;

/**
 * Instances of the real application in this JVM on one database (the PostgreSQL one {@link TestDatabase} gives the
 * folder, or one H2 file opened with {@code AUTO_SERVER} so that a second process may use it too), without Telegram,
 * each on a free port. {@code sources} are added to each context (beans a test needs in every instance).
 */
public final class SharedDatabaseInstances {

    private SharedDatabaseInstances() {
    }

    public static ConfigurableApplicationContext start(Path dataDir, String instanceId, Map<String, String> extra, Clock clock,
                                                       Class<?>... sources) {
        Map<String, String> properties = new LinkedHashMap<>(TestDatabase.settingsFor(dataDir));
        if (!TestDatabase.onPostgres()) {
            properties.put("spring.datasource.url", properties.get("spring.datasource.url") + ";AUTO_SERVER=TRUE");
        }
        properties.put("telegram.enabled", "false");
        properties.put("server.port", "0");
        properties.put("app.reminders.initial-delay", "PT24H");
        properties.put("app.windows.initial-delay", "PT24H");
        properties.put("app.instance-id", instanceId);
        properties.putAll(extra);
        String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        Class<?>[] all = new Class<?>[sources.length + 1];
        all[0] = CommuneReportApplication.class;
        System.arraycopy(sources, 0, all, 1, sources.length);
        SpringApplicationBuilder builder = new SpringApplicationBuilder(all);
        if (clock != null) {
            builder.initializers(ctx -> ctx.getBeanFactory().registerSingleton("clock", clock));
        }
        return builder.run(args);
    }
}
