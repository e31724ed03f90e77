package dev.rapport.identity.security;

import dev.rapport.identity.UserManagement;
import java.security.SecureRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates the first administrator while there are no users: from RAPPORT_ADMIN_EMAIL and
 * RAPPORT_ADMIN_PASSWORD, or with a random password that is printed once to the console.
 */
@Component
@Order(0)
class FirstAdmin implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);
    private final UserManagement users;
    private final String email;
    private final String password;

    FirstAdmin(UserManagement users, @Value("${rapport.admin-email:}") String email,
               @Value("${rapport.admin-password:}") String password) {
        this.users = users;
        this.email = email;
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (users.hasUsers()) {
            return;
        }
        String mail = email.isBlank() ? "admin@rapport.local" : email;
        String pass = password.isBlank() ? randomPassword() : password;
        users.create(mail, "Administrator", pass, "admin", 1L, null, null);
        if (password.isBlank()) {
            // printed, not logged: the log may be shipped elsewhere, the console is the operator's
            System.out.println();
            System.out.println("==============================================================");
            System.out.println(" Rapport: first administrator created");
            System.out.println("   e-mail:   " + mail);
            System.out.println("   password: " + pass + "   (shown once; change it after signing in)");
            System.out.println("==============================================================");
            System.out.println();
        } else {
            log.info("First administrator {} created from RAPPORT_ADMIN_EMAIL/RAPPORT_ADMIN_PASSWORD", mail);
        }
    }

    private static String randomPassword() {
        String alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        SecureRandom random = new SecureRandom();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }
}
