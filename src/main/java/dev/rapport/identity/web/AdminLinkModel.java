package dev.rapport.identity.web;

import dev.rapport.identity.CurrentUser;
import dev.rapport.identity.UserManagement;
import dev.rapport.platform.PageModel;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Tells the navigation whether to show the Admin link (only to users who can administer something
 * there) and which pages to list ({@code perms}, the signed-in user's permissions).
 */
@Component
class AdminLinkModel implements PageModel {

    private final UserManagement users;

    AdminLinkModel(UserManagement users) {
        this.users = users;
    }

    @Override
    public void addTo(Map<String, Object> model) {
        var user = users.signedIn();
        model.put("canAdmin", user.map(u -> u.can("user:manage") || u.can("role:manage")
                || u.can("department:manage") || u.can("field:manage") || u.can("pool:manage") || u.can("pipeline:manage")
                || u.can("assignment:manage") || u.can("webform:manage")).orElse(false));
        model.put("perms", user.map(CurrentUser::permissions).orElse(Set.of()));
    }
}
