package dev.rapport.identity.web;

import dev.rapport.identity.CurrentUser;
import dev.rapport.identity.DataScope;
import dev.rapport.identity.Permission;
import dev.rapport.identity.UserManagement;
import dev.rapport.identity.UserSummary;
import dev.rapport.platform.InvalidInputException;
import dev.rapport.platform.NotFoundException;
import dev.rapport.platform.TimeZones;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Login and the admin pages for users, departments and roles. */
@Controller
class IdentityPagesController {

    private final UserManagement users;
    private final IdentityAdmin admin;
    private final RoleNames roleNames;
    private final TimeZones zones;
    private final MessageSource messages;

    IdentityPagesController(UserManagement users, IdentityAdmin admin, RoleNames roleNames, TimeZones zones, MessageSource messages) {
        this.users = users;
        this.admin = admin;
        this.roleNames = roleNames;
        this.zones = zones;
        this.messages = messages;
    }

    @GetMapping("/login")
    String login() {
        return "identity/login";
    }

    @GetMapping("/")
    String home() {
        return "redirect:/customers";
    }

    @GetMapping("/admin/users")
    String usersPage(Model model) {
        users.current().require("user:manage");
        userForm(model);
        return "identity/users";
    }

    /** What the user forms choose from: roles (with their shown names), departments, managers and time zones. */
    private void userForm(Model model) {
        var roles = admin.roles();
        model.addAttribute("users", users.all());
        model.addAttribute("roles", roles);
        model.addAttribute("roleNames", roleNames.byKey(roles));
        model.addAttribute("departments", users.departments());
        model.addAttribute("zones", TimeZones.ids());
        model.addAttribute("defaultZone", zones.defaultZone().getId());
    }

    @GetMapping("/admin/users/{id}")
    String userPage(@PathVariable long id, Model model) {
        users.current().require("user:manage");
        model.addAttribute("user", users.find(id).orElseThrow(() -> new NotFoundException("user", id)));
        userForm(model);
        return "identity/user";
    }

    @PostMapping("/admin/users")
    String createUser(@RequestParam String email, @RequestParam String name, @RequestParam String password,
                      @RequestParam String role, @RequestParam Long departmentId,
                      @RequestParam(required = false) Long managerId, @RequestParam(required = false) String timeZone,
                      Model model, RedirectAttributes redirect) {
        CurrentUser me = users.current();
        me.require("user:manage");
        try {
            users.create(email, name, password, role, departmentId, managerId, timeZone, me.id());
            redirect.addFlashAttribute("flash", msg("admin.userCreated"));
            return "redirect:/admin/users";
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.errors());
            return usersPage(model);
        }
    }

    @PostMapping("/admin/users/{id}")
    String updateUser(@PathVariable long id, @RequestParam long version, @RequestParam String name, @RequestParam String role,
                      @RequestParam long departmentId, @RequestParam(required = false) Long managerId,
                      @RequestParam(defaultValue = "false") boolean active, @RequestParam(required = false) String timeZone,
                      Model model, RedirectAttributes redirect) {
        CurrentUser me = users.current();
        me.require("user:manage");
        try {
            users.update(id, version, name, role, departmentId, managerId, active, timeZone, me.id());
            redirect.addFlashAttribute("flash", msg("admin.userSaved"));
            return "redirect:/admin/users";
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.errors());
            return userPage(id, model);
        }
    }

    @PostMapping("/admin/users/{id}/handover")
    String handOver(@PathVariable long id, @RequestParam long toUserId, RedirectAttributes redirect) {
        CurrentUser me = users.current();
        me.require("user:manage");
        users.handOver(id, toUserId, me.id());
        redirect.addFlashAttribute("flash", msg("admin.handedOver"));
        return "redirect:/admin/users";
    }

    @GetMapping("/admin/departments")
    String departmentsPage(Model model) {
        users.current().require("department:manage");
        model.addAttribute("departments", users.departments());
        return "identity/departments";
    }

    @PostMapping("/admin/departments")
    String createDepartment(@RequestParam String name, @RequestParam Long parentId, Model model, RedirectAttributes redirect) {
        CurrentUser me = users.current();
        me.require("department:manage");
        try {
            admin.createDepartment(name, parentId, me.id());
            return "redirect:/admin/departments";
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.errors());
            return departmentsPage(model);
        }
    }

    @PostMapping("/admin/departments/{id}")
    String renameDepartment(@PathVariable long id, @RequestParam long version, @RequestParam String name,
                            @RequestParam(required = false) Long parentId, Model model) {
        CurrentUser me = users.current();
        me.require("department:manage");
        try {
            admin.updateDepartment(id, version, name, parentId, me.id());
            return "redirect:/admin/departments";
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.errors());
            return departmentsPage(model);
        }
    }

    @PostMapping("/admin/departments/{id}/delete")
    String deleteDepartment(@PathVariable long id, Model model) {
        CurrentUser me = users.current();
        me.require("department:manage");
        try {
            admin.deleteDepartment(id, me.id());
            return "redirect:/admin/departments";
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.errors());
            return departmentsPage(model);
        }
    }

    @GetMapping("/admin/roles")
    String rolesPage(Model model) {
        users.current().require("role:manage");
        var roles = admin.roles();
        model.addAttribute("roles", roles);
        model.addAttribute("roleNames", roleNames.byKey(roles));
        model.addAttribute("scopes", DataScope.values());
        model.addAttribute("recordTypes", Permission.RECORD_TYPES);
        model.addAttribute("recordActions", Permission.RECORD_ACTIONS);
        model.addAttribute("adminPermissions", Permission.ADMIN);
        return "identity/roles";
    }

    @PostMapping("/admin/roles")
    String saveRole(@RequestParam(required = false) Long id, @RequestParam(required = false) Long version,
                    @RequestParam(required = false) String key, @RequestParam String name, @RequestParam DataScope dataScope,
                    @RequestParam(required = false) List<String> permissions, Model model, RedirectAttributes redirect) {
        CurrentUser me = users.current();
        me.require("role:manage");
        Set<String> perms = permissions == null ? Set.of() : new HashSet<>(permissions);
        try {
            if (id == null) {
                admin.createRole(key, name, dataScope, perms, me.id());
            } else {
                admin.updateRole(id, version, name, dataScope, perms, me.id());
            }
            redirect.addFlashAttribute("flash", msg("admin.roleSaved"));
            return "redirect:/admin/roles";
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.errors());
            return rolesPage(model);
        }
    }

    private String msg(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }
}
