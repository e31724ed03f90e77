package dev.rapport.identity;

import dev.rapport.platform.SignedInUserZone;
import java.time.ZoneId;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Tells the platform's page formatting the signed-in user's time zone (read with the user, once per request). */
@Component
class SignedInZone implements SignedInUserZone {

    private final UserManagement users;

    SignedInZone(UserManagement users) {
        this.users = users;
    }

    @Override
    public Optional<ZoneId> zone() {
        return users.signedIn().map(CurrentUser::timeZone);
    }
}
