package vn.communereport;

import java.util.Locale;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.zaxxer.hikari.HikariDataSource;

/**
 * Settings every embedded H2 database file gets, unless its URL sets them itself.
 * <ul>
 * <li>{@code WRITE_DELAY=0}. H2 keeps committed transactions in memory for up to its write delay (500 ms by
 * default) before writing them to the file. A process killed in that window lost answers the bot had already
 * confirmed with "✅ Đã lưu", and Telegram had already forgotten the updates. With 0, a commit is in the file
 * before the bot says anything.</li>
 * <li>{@code QUERY_CACHE_SIZE=64}. H2 re-parses a statement missing from its per-connection cache of 8; one update
 * runs more distinct statements than that, and parsing was a fifth of H2's time. 64 made the bot handle 18% more
 * updates per second (docs/BENCHMARKS.md).</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class EmbeddedH2Configuration {

    private static final String[][] SETTINGS = {{"WRITE_DELAY", "0"}, {"QUERY_CACHE_SIZE", "64"}};

    @Bean
    static BeanPostProcessor embeddedH2Settings() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof HikariDataSource hikari && !hikari.isRunning()) {
                    String url = hikari.getJdbcUrl();
                    String tuned = tuned(url);
                    if (tuned != null && !tuned.equals(url)) {
                        hikari.setJdbcUrl(tuned);
                    }
                }
                return bean;
            }
        };
    }

    /** The URL with the settings it does not name added, when it names an embedded H2 database file. */
    static String tuned(String url) {
        if (url == null) {
            return null;
        }
        String lower = url.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("jdbc:h2:") || lower.startsWith("jdbc:h2:mem:") || lower.startsWith("jdbc:h2:tcp:")
                || lower.startsWith("jdbc:h2:ssl:")) {
            return url;
        }
        StringBuilder tuned = new StringBuilder(url);
        for (String[] setting : SETTINGS) {
            if (!lower.contains(";" + setting[0].toLowerCase(Locale.ROOT) + "=")) {
                tuned.append(';').append(setting[0]).append('=').append(setting[1]);
            }
        }
        return tuned.toString();
    }
}
