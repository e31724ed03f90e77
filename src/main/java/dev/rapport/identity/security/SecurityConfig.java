package dev.rapport.identity.security;

import dev.rapport.identity.UserManagement;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Sessions and CSRF for the UI, bearer tokens for the API. Unauthenticated API calls get a 401
 * problem detail; pages redirect to the login form.
 */
@Configuration
class SecurityConfig {

    static final RequestMatcher API = request -> request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    static final RequestMatcher BEARER = request -> {
        String h = request.getHeader("Authorization");
        return h != null && h.regionMatches(true, 0, "Bearer ", 0, 7);
    };

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /**
     * Spring Security observes each of its filters and decisions on every request when an
     * ObservationRegistry exists (the actuator's): with the observations merely disabled it still
     * wrapped every filter, 2–3% of the server's time per API create. The HTTP request metrics stay.
     */
    @Bean
    SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /**
     * The default firewall, with its header and parameter checks written as a loop over the code
     * points instead of its regular expression {@code [\p{IsAssigned}&&[^\p{IsControl}]]*}, run on
     * every header read (about 2% of the server's time per API create). The same characters are
     * refused: unassigned ones and control characters.
     */
    @Bean
    StrictHttpFirewall httpFirewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedHeaderNames(SecurityConfig::printable);
        firewall.setAllowedHeaderValues(SecurityConfig::printable);
        firewall.setAllowedParameterNames(SecurityConfig::printable);
        firewall.setAllowedParameterValues(SecurityConfig::printable);
        return firewall;
    }

    static boolean printable(String s) {
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            int type = Character.getType(cp);
            if (type == Character.UNASSIGNED || type == Character.CONTROL) {
                return false;
            }
            i += Character.charCount(cp);
        }
        return true;
    }

    /** The token filter runs inside the security chain only, not a second time as a plain servlet filter. */
    @Bean
    FilterRegistrationBean<ApiTokenFilter> apiTokenFilterRegistration(ApiTokenFilter filter) {
        FilterRegistrationBean<ApiTokenFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setEnabled(false);
        return registration;
    }

    @Bean
    AuthenticationManager authenticationManager(ThrottledAuthenticationProvider provider) {
        return new ProviderManager(provider);
    }

    /** Only in the web server: command-line runs (profile "cli") have no HttpSecurity to build a chain from. */
    @Bean
    @ConditionalOnWebApplication
    SecurityFilterChain security(HttpSecurity http, ApiTokenFilter tokens, LoginThrottle throttle,
                                 AuthenticationManager authenticationManager, UserManagement users,
                                 ApiAuthenticationEntryPoint apiEntryPoint) throws Exception {
        http.authenticationManager(authenticationManager);
        http.authorizeHttpRequests(auth -> auth
                .requestMatchers("/login", "/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/error",
                        "/actuator/health", "/actuator/health/**", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").permitAll()
                .requestMatchers("/api/v1/auth/tokens").permitAll()
                .requestMatchers("/actuator/**").access((authentication, context) -> new AuthorizationDecision(
                        authentication.get() != null && authentication.get().isAuthenticated()
                                && users.load(authentication.get().getName()).map(u -> u.can("metrics:view")).orElse(false)))
                .anyRequest().authenticated());
        http.formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false)
                .successHandler(throttle.successHandler()).failureHandler(throttle.failureHandler()).permitAll());
        http.logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"));
        http.csrf(csrf -> csrf.ignoringRequestMatchers(BEARER, request -> request.getRequestURI().equals("/api/v1/auth/tokens")));
        http.addFilterBefore(tokens, UsernamePasswordAuthenticationFilter.class);
        http.exceptionHandling(ex -> ex.defaultAuthenticationEntryPointFor(apiEntryPoint, API));
        http.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
                "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; frame-ancestors 'none'")));
        return http.build();
    }
}
