package dev.mnemo.system;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import java.util.Optional;
import java.util.TimeZone;
import java.util.concurrent.Executors;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import net.javacrumbs.shedlock.support.KeepAliveLockProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.sqlite.SQLiteDataSource;

/**
 * ShedLock on the database: a scheduled job annotated {@code @SchedulerLock} runs on one instance at a time,
 * however many share the database (table {@code shedlock}, migration V7, times in UTC). The embedded SQLite
 * database belongs to one process, which needs no lock: there a lock is always granted (ShedLock's plain
 * insert also trips over SQLite's unmapped constraint errors after a restart).
 */
@Configuration(proxyBeanMethods = false)
@EnableSchedulerLock(defaultLockAtMostFor = "PT1M")
class SchedulerLockConfiguration {

    @Bean
    LockProvider lockProvider(DataSource dataSource) throws SQLException {
        if (dataSource.unwrap(HikariDataSource.class).getDataSource() instanceof SQLiteDataSource) {
            return configuration -> Optional.of(SINGLE_PROCESS);
        }
        // A lock is a lease: renewed while its job runs, so lockAtMostFor can be short and a lock left by a killed
        // instance runs out within a minute instead of holding the job up for its whole worst-case length.
        return new KeepAliveLockProvider(new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                .withTableName("shedlock")
                .withTimeZone(TimeZone.getTimeZone("UTC"))
                .build()), Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("shedlock-keep-alive").factory()));
    }

    private static final SimpleLock SINGLE_PROCESS = () -> {
    };
}
