package dev.rapport.platform;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class PlatformConfig {

    /** Time comes from here so tests can fix it. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
