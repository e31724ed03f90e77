package dev.rapport.identity.web;

import dev.rapport.identity.UserManagement;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Tells the navigation whether to show the Admin link: only to users who can administer something there. */
@ControllerAdvice(annotations = Controller.class)
class AdminLinkAdvice {

    private final UserManagement users;

    AdminLinkAdvice(UserManagement users) {
        this.users = users;
    }

    @ModelAttribute("canAdmin")
    boolean canAdmin(HttpServletRequest request) {
        // @RestController is a @Controller too; JSON calls need no navigation state
        if (NotificationBellAdvice.isApi(request)) {
            return false;
        }
        return users.signedIn().map(u -> u.can("user:manage") || u.can("role:manage")
                || u.can("department:manage") || u.can("field:manage") || u.can("pool:manage") || u.can("pipeline:manage")
                || u.can("assignment:manage") || u.can("webform:manage")).orElse(false);
    }

    /** The signed-in user's permissions, so the navigation shows only what they may open. */
    @ModelAttribute("perms")
    java.util.Set<String> permissions(HttpServletRequest request) {
        if (NotificationBellAdvice.isApi(request)) {
            return java.util.Set.of();
        }
        return users.signedIn().map(dev.rapport.identity.CurrentUser::permissions).orElse(java.util.Set.of());
    }
}
