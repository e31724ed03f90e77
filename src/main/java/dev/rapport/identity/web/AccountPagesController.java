package dev.rapport.identity.web;

import dev.rapport.identity.AccountSettings;
import dev.rapport.identity.CurrentUser;
import dev.rapport.identity.UserManagement;
import dev.rapport.identity.security.ApiTokens;
import dev.rapport.platform.InvalidInputException;
import dev.rapport.platform.TimeZones;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The signed-in user's own account: settings (time zone, e-mailed reminders), password and API tokens. */
@Controller
class AccountPagesController {

    private final UserManagement users;
    private final AccountSettings settings;
    private final ApiTokens tokens;
    private final RoleNames roleNames;
    private final MessageSource messages;

    AccountPagesController(UserManagement users, AccountSettings settings, ApiTokens tokens, RoleNames roleNames,
                           MessageSource messages) {
        this.users = users;
        this.settings = settings;
        this.tokens = tokens;
        this.roleNames = roleNames;
        this.messages = messages;
    }

    @GetMapping("/account")
    String account(Model model) {
        CurrentUser me = users.current();
        model.addAttribute("me", me);
        model.addAttribute("settings", settings.of(me.id()));
        model.addAttribute("zones", TimeZones.ids());
        model.addAttribute("roleName", roleNames.ofKey(me.roleKey()));
        model.addAttribute("mailEnabled", settings.mailAvailable());
        model.addAttribute("tokens", tokens.list(me.id()));
        return "identity/account";
    }

    @PostMapping("/account/settings")
    String saveSettings(@RequestParam String timeZone, @RequestParam(defaultValue = "false") boolean emailReminders,
                        Model model, RedirectAttributes redirect) {
        try {
            settings.update(users.current().id(), timeZone, emailReminders);
            redirect.addFlashAttribute("flash", msg("account.settingsSaved"));
            return "redirect:/account";
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.errors());
            return account(model);
        }
    }

    @PostMapping("/account/password")
    String changePassword(@RequestParam String currentPassword, @RequestParam String newPassword, Model model,
                          RedirectAttributes redirect) {
        try {
            users.changePassword(users.current().id(), currentPassword, newPassword);
            redirect.addFlashAttribute("flash", msg("account.passwordChanged"));
            return "redirect:/account";
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.errors());
            return account(model);
        }
    }

    @PostMapping("/account/tokens")
    String createToken(@RequestParam(required = false) String name, RedirectAttributes redirect) {
        var issued = tokens.issue(users.current().id(), name);
        redirect.addFlashAttribute("newToken", issued.token());
        return "redirect:/account";
    }

    @PostMapping("/account/tokens/{id}/revoke")
    String revokeToken(@PathVariable long id, RedirectAttributes redirect) {
        tokens.revoke(users.current().id(), id);
        redirect.addFlashAttribute("flash", msg("account.tokenRevoked"));
        return "redirect:/account";
    }

    private String msg(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }
}
