package dev.mnemo.channel.internal;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ChannelConfiguration {

    /**
     * Where webhook messages are answered after the webhook has returned: a model may take longer than a
     * provider waits. Closing waits for the answers under way.
     */
    @Bean(destroyMethod = "close")
    ExecutorService channelWork() {
        return Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("channel-", 0).factory());
    }
}
