package dev.rapport.identity;

import dev.rapport.identity.domain.DepartmentRow;
import dev.rapport.identity.domain.Directory;
import dev.rapport.identity.domain.DirectoryCache;
import dev.rapport.identity.domain.IdentityStore;
import dev.rapport.identity.domain.RoleRow;
import dev.rapport.identity.domain.UserRow;
import dev.rapport.platform.InvalidInputException;
import dev.rapport.platform.NotFoundException;
import dev.rapport.platform.TimeZones;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Users as the rest of Rapport sees them: who is signed in, whose records they may see, and
 * the hand-over of a departing user's records.
 */
@Service
public class UserManagement {

    public static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final String CURRENT = UserManagement.class.getName() + ".current";

    private final IdentityStore store;
    private final DirectoryCache directory;
    private final PasswordEncoder passwords;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final TimeZones zones;

    UserManagement(IdentityStore store, DirectoryCache directory, PasswordEncoder passwords, AuditLog audit,
                   ApplicationEventPublisher events, TimeZones zones) {
        this.store = store;
        this.directory = directory;
        this.passwords = passwords;
        this.audit = audit;
        this.events = events;
        this.zones = zones;
    }

    /** The signed-in user, read once per request; throws (answered with 401) when nobody is signed in. */
    public CurrentUser current() {
        return signedIn().orElseThrow(() -> new AuthenticationCredentialsNotFoundException("not signed in or inactive"));
    }

    /**
     * The signed-in user, read once per request and shared by everything that renders the page
     * (navigation badges, time zone, the controller); empty for anonymous requests.
     */
    public Optional<CurrentUser> signedIn() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null && request.getAttribute(CURRENT, RequestAttributes.SCOPE_REQUEST) instanceof CurrentUser cached) {
            return Optional.of(cached);
        }
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
            return Optional.empty();
        }
        Optional<CurrentUser> user = load(auth.getName());
        if (request != null && user.isPresent()) {
            request.setAttribute(CURRENT, user.get(), RequestAttributes.SCOPE_REQUEST);
        }
        return user;
    }

    /** Loads a user by e-mail as a {@link CurrentUser}; empty when unknown or deactivated. */
    public Optional<CurrentUser> load(String email) {
        Directory d = directory.get();
        return d.userByEmail(email).filter(UserRow::active).flatMap(u -> d.role(u.roleId())
                .map(role -> new CurrentUser(u.id(), u.email(), u.name(), role.key(), role.scope(), u.departmentId(),
                        Set.copyOf(role.permissions()), zoneOf(u), u.language())));
    }

    /** The zone the signed-in user reads and enters times in; the default zone when nobody is signed in. */
    public ZoneId currentZone() {
        return signedIn().map(CurrentUser::timeZone).orElse(zones.defaultZone());
    }

    /** The zone a user reads times in: their own setting, or the default for users who have none. */
    ZoneId zoneOf(UserRow user) {
        return TimeZones.parse(user.timeZone()).orElse(zones.defaultZone());
    }

    /** The owners whose records this user may see, from the role's data scope. */
    public OwnerScope scopeOf(CurrentUser user) {
        Directory d = directory.get();
        return d.user(user.id()).map(u -> d.visibleOwners(u, user.scope())).map(OwnerScope::new)
                .orElseGet(() -> user.scope() == DataScope.ALL ? OwnerScope.all() : new OwnerScope(Set.of(user.id())));
    }

    private Set<Long> withSubordinates(long userId) {
        Directory d = directory.get();
        return d.user(userId).map(u -> d.visibleOwners(u, DataScope.OWN_AND_SUBORDINATES)).orElseGet(() -> Set.of(userId));
    }

    /** Users by id, for owner names in lists. */
    public Map<Long, UserSummary> summaries(Collection<Long> ids) {
        Directory d = directory.get();
        return ids.stream().distinct().map(d::user).flatMap(Optional::stream).map(this::summary)
                .collect(Collectors.toMap(UserSummary::id, Function.identity()));
    }

    public Optional<UserSummary> find(long id) {
        return directory.get().user(id).map(this::summary);
    }

    public Optional<UserSummary> findByEmail(String email) {
        return directory.get().userByEmail(email).map(this::summary);
    }

    /** Active users whose records the given user may see: the choices for an owner field. */
    public List<UserSummary> assignableOwners(CurrentUser user) {
        OwnerScope scope = scopeOf(user);
        return directory.get().users().stream().filter(UserRow::active).filter(u -> scope.includes(u.id()))
                .map(this::summary).toList();
    }

    /** The ids of the active users (kept with the directory, not built per call). */
    public Set<Long> activeUserIds() {
        return directory.get().activeIds();
    }

    /** The active users' ids by lower-case e-mail (kept with the directory, not built per call). */
    public Map<String, Long> activeUserIdsByEmail() {
        return directory.get().activeIdsByEmail();
    }

    public List<UserSummary> all() {
        return directory.get().users().stream().map(this::summary).toList();
    }

    /** Creates a user who reads times in the default time zone; see the full form below. */
    @Transactional
    public UserSummary create(String email, String name, String password, String roleKey, Long departmentId, Long managerId, Long actorId) {
        return create(email, name, password, roleKey, departmentId, managerId, null, actorId);
    }

    /**
     * Creates a user. The e-mail must be unique, the password at least 8 characters, the role
     * and department must exist, the time zone (blank for the default) must be an IANA id.
     */
    @Transactional
    public UserSummary create(String email, String name, String password, String roleKey, Long departmentId, Long managerId,
                              String timeZone, Long actorId) {
        var errors = new InvalidInputException.Collector();
        String mail = email == null ? "" : email.trim().toLowerCase();
        if (!EMAIL.matcher(mail).matches()) {
            errors.reject("email", "error.email.invalid");
        } else if (store.userByEmail(mail).isPresent()) {
            errors.reject("email", "error.email.taken");
        }
        if (name == null || name.isBlank()) {
            errors.reject("name", "error.required");
        }
        if (password == null || password.length() < 8) {
            errors.reject("password", "error.password.short", 8);
        }
        Optional<RoleRow> role = roleKey == null ? Optional.empty() : store.roleByKey(roleKey);
        if (role.isEmpty()) {
            errors.reject("role", "error.role.unknown");
        }
        long dept = departmentId == null ? 1L : departmentId;
        if (store.department(dept).isEmpty()) {
            errors.reject("departmentId", "error.department.unknown");
        }
        if (managerId != null && store.user(managerId).isEmpty()) {
            errors.reject("managerId", "error.user.unknown");
        }
        String zone = timeZone == null || timeZone.isBlank() ? zones.defaultZone().getId() : TimeZones.check(timeZone, "timeZone", errors);
        errors.throwIfAny();
        long id = store.insertUser(mail, name.trim(), passwords.encode(password), role.get().id(), dept, managerId, zone, audit.now());
        audit.recordChanges("user", id, "create", actorId, List.of(
                new AuditLog.Change("email", null, mail), new AuditLog.Change("name", null, name.trim()),
                new AuditLog.Change("role", null, roleKey), new AuditLog.Change("department_id", null, dept),
                new AuditLog.Change("time_zone", null, zone)));
        return find(id).orElseThrow();
    }

    /** Updates a user, keeping their time zone. */
    @Transactional
    public UserSummary update(long id, long version, String name, String roleKey, long departmentId, Long managerId,
                              boolean active, Long actorId) {
        return update(id, version, name, roleKey, departmentId, managerId, active, null, actorId);
    }

    /** Updates a user; a null time zone keeps theirs, any other must be an IANA id. */
    @Transactional
    public UserSummary update(long id, long version, String name, String roleKey, long departmentId, Long managerId,
                              boolean active, String timeZone, Long actorId) {
        UserRow old = store.user(id).orElseThrow(() -> new NotFoundException("user", id));
        var errors = new InvalidInputException.Collector();
        if (name == null || name.isBlank()) {
            errors.reject("name", "error.required");
        }
        Optional<RoleRow> role = store.roleByKey(roleKey);
        if (role.isEmpty()) {
            errors.reject("role", "error.role.unknown");
        }
        if (store.department(departmentId).isEmpty()) {
            errors.reject("departmentId", "error.department.unknown");
        }
        if (managerId != null && (managerId == id || store.user(managerId).isEmpty() || withSubordinates(id).contains(managerId))) {
            errors.reject("managerId", "error.manager.invalid");
        }
        String zone = timeZone == null ? old.timeZone() : TimeZones.check(timeZone, "timeZone", errors);
        errors.throwIfAny();
        store.updateUser(id, version, name.trim(), role.get().id(), departmentId, managerId, active, zone);
        audit.recordChanges("user", id, "update", actorId, List.of(
                new AuditLog.Change("name", old.name(), name.trim()), new AuditLog.Change("role", old.roleKey(), roleKey),
                new AuditLog.Change("department_id", old.departmentId(), departmentId),
                new AuditLog.Change("manager_id", old.managerId(), managerId), new AuditLog.Change("active", old.active(), active),
                new AuditLog.Change("time_zone", old.timeZone(), zone)));
        return find(id).orElseThrow();
    }

    /** Changes a user's own password after checking the current one. */
    @Transactional
    public void changePassword(long userId, String currentPassword, String newPassword) {
        UserRow user = store.user(userId).orElseThrow(() -> new NotFoundException("user", userId));
        var errors = new InvalidInputException.Collector();
        if (currentPassword == null || !passwords.matches(currentPassword, user.passwordHash())) {
            errors.reject("currentPassword", "error.password.wrong");
        }
        if (newPassword == null || newPassword.length() < 8) {
            errors.reject("newPassword", "error.password.short", 8);
        }
        errors.throwIfAny();
        store.updatePassword(userId, passwords.encode(newPassword));
        audit.record("user", userId, "password", userId, null);
    }

    /**
     * Moves everything a departing user owns to another user in one transaction and deactivates
     * the departing user. Modules that own records do the moving when they receive
     * {@link OwnershipHandedOver}.
     */
    @Transactional
    public void handOver(long fromUserId, long toUserId, long actorId) {
        UserRow from = store.user(fromUserId).orElseThrow(() -> new NotFoundException("user", fromUserId));
        UserRow to = store.user(toUserId).orElseThrow(() -> new NotFoundException("user", toUserId));
        if (from.id() == to.id()) {
            throw new InvalidInputException("toUserId", "error.handover.same");
        }
        if (!to.active()) {
            throw new InvalidInputException("toUserId", "error.user.inactive");
        }
        events.publishEvent(new OwnershipHandedOver(fromUserId, toUserId, actorId));
        store.updateUser(from.id(), from.version(), from.name(), from.roleId(), from.departmentId(), from.managerId(), false,
                from.timeZone());
        audit.recordChanges("user", fromUserId, "handover", actorId, List.of(
                new AuditLog.Change("handed_over_to", null, to.email()), new AuditLog.Change("active", true, false)));
    }

    public boolean hasUsers() {
        return store.countUsers() > 0;
    }

    /** Whether the department is one of the given ones or lies below one of them (e.g. who may use a pool). */
    public boolean inDepartments(long departmentId, Collection<Long> departmentIds) {
        return directory.get().within(departmentId, departmentIds);
    }

    /** Ids of the users who work in the given departments or below them. */
    public Set<Long> usersInDepartments(Collection<Long> departmentIds) {
        Directory d = directory.get();
        return d.users().stream().filter(u -> d.within(u.departmentId(), departmentIds)).map(UserRow::id)
                .collect(Collectors.toSet());
    }

    /** Departments in tree order, id to name indented by depth: the choices of a department picker. */
    public Map<Long, String> departmentChoices() {
        Map<Long, String> out = new java.util.LinkedHashMap<>();
        store.departments().stream().sorted(java.util.Comparator.comparing(DepartmentRow::path))
                .forEach(d -> out.put(d.id(), "\u00a0\u00a0".repeat(Math.max(0, d.depth())) + d.name()));
        return out;
    }

    public List<DepartmentRow> departments() {
        return store.departments();
    }

    private UserSummary summary(UserRow u) {
        return new UserSummary(u.id(), u.name(), u.email(), u.departmentId(), u.departmentName(), u.roleKey(), u.active(),
                u.managerId(), zoneOf(u).getId(), u.version());
    }
}
