package vn.communereport;

import java.util.Locale;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.zaxxer.hikari.HikariDataSource;

/**
 * An embedded H2 database keeps committed transactions in memory for up to its write delay (500 ms by default)
 * before writing them to the file. A process killed in that window lost answers the bot had already confirmed
 * with "✅ Đã lưu", and Telegram had already forgotten the updates. Every embedded H2 URL therefore gets
 * {@code WRITE_DELAY=0}, so a commit is in the file before the bot says anything, unless the URL sets its own.
 */
@Configuration(proxyBeanMethods = false)
class DurableH2Configuration {

    @Bean
    static BeanPostProcessor h2WritesOnCommit() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof HikariDataSource hikari && !hikari.isRunning()) {
                    String url = hikari.getJdbcUrl();
                    String durable = writeOnCommit(url);
                    if (durable != null && !durable.equals(url)) {
                        hikari.setJdbcUrl(durable);
                    }
                }
                return bean;
            }
        };
    }

    /** The URL with {@code ;WRITE_DELAY=0} added when it names an embedded H2 database file. */
    static String writeOnCommit(String url) {
        if (url == null) {
            return null;
        }
        String lower = url.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("jdbc:h2:") || lower.startsWith("jdbc:h2:mem:") || lower.startsWith("jdbc:h2:tcp:")
                || lower.startsWith("jdbc:h2:ssl:") || lower.contains(";write_delay=")) {
            return url;
        }
        return url + ";WRITE_DELAY=0";
    }
}
