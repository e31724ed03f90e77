package dev.rapport.identity;

import dev.rapport.identity.domain.DepartmentRow;
import dev.rapport.identity.domain.IdentityStore;
import dev.rapport.identity.domain.RoleRow;
import dev.rapport.identity.domain.UserRow;
import dev.rapport.platform.TimeZones;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sets up departments and users in bulk (demo data, scripted installs). Idempotent: a department
 * with the same name under the same parent, or a user with the same e-mail, is reused, so running
 * it twice does not duplicate staff. The password is hashed once by the caller with
 * {@link #hashPassword} and reused, because a modern hash costs ~100 ms by design.
 */
@Service
public class StaffProvisioning {

    private final IdentityStore store;
    private final PasswordEncoder passwords;
    private final AuditLog audit;
    private final Clock clock;
    private final TimeZones zones;

    StaffProvisioning(IdentityStore store, PasswordEncoder passwords, AuditLog audit, Clock clock, TimeZones zones) {
        this.store = store;
        this.passwords = passwords;
        this.audit = audit;
        this.clock = clock;
        this.zones = zones;
    }

    public String hashPassword(String raw) {
        return passwords.encode(raw);
    }

    /** The department called {@code name} under {@code parentId}, created when missing. */
    @Transactional
    public long department(long parentId, String name) {
        List<DepartmentRow> all = store.departments();
        Optional<DepartmentRow> existing = all.stream()
                .filter(d -> d.parentId() != null && d.parentId() == parentId && d.name().equals(name)).findFirst();
        if (existing.isPresent()) {
            return existing.get().id();
        }
        DepartmentRow parent = store.department(parentId).orElseThrow(() -> new IllegalArgumentException("no department " + parentId));
        long id = store.insertDepartment(parentId, parent.path(), name, clock.instant());
        audit.record("department", id, "create", null, name);
        return id;
    }

    /** The user with this e-mail, created with an already hashed password when missing. */
    @Transactional
    public long user(String email, String name, String passwordHash, String roleKey, long departmentId, Long managerId) {
        Optional<UserRow> existing = store.userByEmail(email);
        if (existing.isPresent()) {
            return existing.get().id();
        }
        RoleRow role = store.roleByKey(roleKey).orElseThrow(() -> new IllegalArgumentException("no role " + roleKey));
        long id = store.insertUser(email, name, passwordHash, role.id(), departmentId, managerId, zones.defaultZone().getId(),
                clock.instant());
        audit.recordChanges("user", id, "create", null, List.of(new AuditLog.Change("email", null, email.toLowerCase()),
                new AuditLog.Change("name", null, name), new AuditLog.Change("role", null, roleKey),
                new AuditLog.Change("department_id", null, departmentId)));
        return id;
    }

    /** E-mail of the longest-standing active administrator, to tell an operator how to sign in. */
    public Optional<String> firstAdminEmail() {
        return store.users().stream().filter(UserRow::active).filter(u -> "admin".equals(u.roleKey()))
                .min((a, b) -> Long.compare(a.id(), b.id())).map(UserRow::email);
    }
}
