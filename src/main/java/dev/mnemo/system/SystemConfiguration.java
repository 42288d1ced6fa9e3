package dev.mnemo.system;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SystemConfiguration {

    /** The one source of time: jobs and tests replace it instead of sleeping. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
