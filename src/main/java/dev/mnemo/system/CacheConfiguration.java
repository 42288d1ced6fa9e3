package dev.mnemo.system;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CacheConfiguration {
    private static final Logger log = LoggerFactory.getLogger(CacheConfiguration.class);

    /** Redis when {@code REDIS_URL} is set; a connection failure stops the start rather than degrading silently. */
    @Bean
    SharedCache sharedCache(@Value("${assistant.redis-url}") String redisUrl,
                            @Value("${assistant.cache-max-bytes}") long maxBytes) {
        if (redisUrl == null || redisUrl.isBlank()) {
            return new CaffeineSharedCache(maxBytes);
        }
        RedisSharedCache redis = new RedisSharedCache(redisUrl.trim());
        log.info("Caching in Redis at {}", redisUrl.replaceAll("//[^@/]*@", "//***@"));
        return redis;
    }
}
