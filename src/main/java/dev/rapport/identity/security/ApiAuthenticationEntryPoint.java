package dev.rapport.identity.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers an unauthenticated API call with a 401 RFC 9457 problem detail in the caller's language.
 * It runs in the security filter chain, before Spring MVC has resolved the locale, so it asks the
 * application's locale resolver itself: the rapport-lang cookie first, then Accept-Language, as
 * every other error does.
 */
@Component
class ApiAuthenticationEntryPoint implements AuthenticationEntryPoint {

    private final MessageSource messages;
    private final LocaleResolver locales;
    private final JsonMapper json;

    ApiAuthenticationEntryPoint(MessageSource messages, LocaleResolver locales, JsonMapper json) {
        this.messages = messages;
        this.locales = locales;
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e) throws IOException {
        Locale locale = locales.resolveLocale(request);
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "https://rapport.dev/problems/unauthorized");
        problem.put("title", messages.getMessage("problem.unauthorized", null, "Unauthorized", locale));
        problem.put("status", HttpServletResponse.SC_UNAUTHORIZED);
        problem.put("detail", messages.getMessage("problem.unauthorized.detail", null, "Sign in or send a valid bearer token.", locale));
        problem.put("instance", request.getRequestURI());
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Content-Language", locale.toLanguageTag());
        response.getWriter().write(json.writeValueAsString(problem));
    }
}
