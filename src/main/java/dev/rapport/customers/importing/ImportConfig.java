package dev.rapport.customers.importing;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

@Configuration
class ImportConfig {

    /**
     * Imports run on their own small pool with a bounded queue, so a burst of uploads cannot starve
     * request threads or the database pool. Not a default candidate: Boot's own application task
     * executor stays in place for everything else.
     */
    @Bean(defaultCandidate = false)
    ThreadPoolTaskExecutor importExecutor(@Value("${rapport.import.threads:2}") int threads,
                                          @Value("${rapport.import.queue:100}") int queue) {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(threads);
        executor.setMaxPoolSize(threads);
        executor.setQueueCapacity(queue);
        executor.setThreadNamePrefix("import-");
        executor.setWaitForTasksToCompleteOnShutdown(true);
        executor.setAwaitTerminationSeconds(30);
        return executor;
    }
}
