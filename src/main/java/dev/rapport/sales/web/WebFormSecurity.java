package dev.rapport.sales.web;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The only pages open to everyone besides login: {@code /forms/{key}} (GET the form, POST a lead).
 * They use no session and read no login cookie, so the session CSRF token does not apply; see
 * {@link dev.rapport.sales.domain.WebFormGuard} for what protects them instead. They may be framed
 * by any site, which is the point of an embeddable form.
 */
@Configuration
class WebFormSecurity {

    @Bean
    @Order(1)
    @ConditionalOnWebApplication
    SecurityFilterChain webForms(HttpSecurity http) throws Exception {
        http.securityMatcher("/forms/*");
        http.authorizeHttpRequests(auth -> auth.anyRequest().permitAll());
        http.csrf(csrf -> csrf.disable());
        http.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        http.requestCache(c -> c.disable());
        http.securityContext(c -> c.disable());
        http.headers(headers -> headers.frameOptions(f -> f.disable()).contentSecurityPolicy(csp -> csp.policyDirectives(
                "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors *")));
        return http.build();
    }
}
