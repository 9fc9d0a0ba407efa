package vn.communereport;

import javax.sql.DataSource;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Scheduled jobs run on one instance at a time, however many share the database: each {@code @Scheduled} method
 * also carries {@code @SchedulerLock} and runs only while it holds its row of {@code shedlock} (V11). The lock is
 * outside any transaction of the job (highest precedence), so it is released only after the job's commit. Lock
 * times are the database's, not the instances' clocks. A job skipped because another instance holds its lock is
 * simply skipped: the next round comes as scheduled.
 */
@Configuration(proxyBeanMethods = false)
@EnableSchedulerLock(defaultLockAtMostFor = "PT30M", order = Ordered.HIGHEST_PRECEDENCE)
class ScheduledOnceConfiguration {

    @Bean
    LockProvider lockProvider(DataSource dataSource) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                .withTableName("shedlock")
                .usingDbTime()
                .build());
    }
}
