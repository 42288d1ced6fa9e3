package dev.mnemo.system;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import java.util.Optional;
import java.util.TimeZone;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
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
@EnableSchedulerLock(defaultLockAtMostFor = "PT10M")
class SchedulerLockConfiguration {

    @Bean
    LockProvider lockProvider(DataSource dataSource) throws SQLException {
        if (dataSource.unwrap(HikariDataSource.class).getDataSource() instanceof SQLiteDataSource) {
            return configuration -> Optional.of(SINGLE_PROCESS);
        }
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                .withTableName("shedlock")
                .withTimeZone(TimeZone.getTimeZone("UTC"))
                .build());
    }

    private static final SimpleLock SINGLE_PROCESS = () -> {
    };
}
