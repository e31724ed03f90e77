package dev.rapport.identity.web;

import dev.rapport.identity.AccountSettings;
import dev.rapport.identity.UserManagement;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * Remembers the language each user works in (the one their pages are shown in, after any
 * {@code ?lang=} switch), so e-mails sent to them later, outside any request, speak it too.
 * Writes only when it changed, which is rare; reading it costs nothing, it comes with the user.
 */
@Configuration
class LanguageMemory implements WebMvcConfigurer, HandlerInterceptor {

    private final UserManagement users;
    private final AccountSettings settings;

    LanguageMemory(UserManagement users, AccountSettings settings) {
        this.users = users;
        this.settings = settings;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        // API clients send whatever Accept-Language their library sends: not a choice worth remembering
        registry.addInterceptor(this).excludePathPatterns("/api/**", "/css/**", "/js/**", "/webjars/**", "/error");
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler, ModelAndView view) {
        users.signedIn().ifPresent(user -> {
            String language = tag(RequestContextUtils.getLocale(request));
            if (!language.equals(user.language())) {
                settings.rememberLanguage(user.id(), language);
            }
        });
    }

    /** The two languages of the UI, as stored: zh-CN or en. */
    static String tag(Locale locale) {
        return "zh".equals(locale.getLanguage()) ? "zh-CN" : "en";
    }
}
