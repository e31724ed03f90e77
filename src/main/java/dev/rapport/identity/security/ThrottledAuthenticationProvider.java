package dev.rapport.identity.security;

import dev.rapport.identity.domain.IdentityStore;
import dev.rapport.identity.domain.UserRow;
import java.util.List;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Checks e-mail and password. After too many failures for one e-mail the login is locked for a
 * while, whatever the password; the lock is kept in the database so every node honours it.
 */
@Component
class ThrottledAuthenticationProvider implements AuthenticationProvider {

    private final IdentityStore store;
    private final PasswordEncoder passwords;
    private final LoginThrottle throttle;
    // compared against when the user does not exist, so timing does not reveal which e-mails exist
    private final String dummyHash;

    ThrottledAuthenticationProvider(IdentityStore store, PasswordEncoder passwords, LoginThrottle throttle) {
        this.store = store;
        this.passwords = passwords;
        this.throttle = throttle;
        this.dummyHash = passwords.encode("not-a-real-password");
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String email = String.valueOf(authentication.getName()).trim().toLowerCase();
        String password = String.valueOf(authentication.getCredentials());
        if (throttle.isLocked(email)) {
            throw new LockedException("too many failed logins");
        }
        var user = store.userByEmail(email).filter(UserRow::active);
        boolean ok = passwords.matches(password, user.map(UserRow::passwordHash).orElse(dummyHash)) && user.isPresent();
        if (!ok) {
            throttle.failed(email);
            throw new BadCredentialsException("bad credentials");
        }
        throttle.succeeded(email);
        return UsernamePasswordAuthenticationToken.authenticated(email, null, List.of(new SimpleGrantedAuthority("ROLE_USER")));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
