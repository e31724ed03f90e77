package dev.rapport.identity.web;

import dev.rapport.identity.AuditLog;
import dev.rapport.identity.DataScope;
import dev.rapport.identity.Permission;
import dev.rapport.identity.domain.DepartmentRow;
import dev.rapport.identity.domain.IdentityStore;
import dev.rapport.identity.domain.RoleRow;
import dev.rapport.platform.InvalidInputException;
import dev.rapport.platform.NotFoundException;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Department tree and role administration, with validation and audit. */
@Service
class IdentityAdmin {

    private final IdentityStore store;
    private final AuditLog audit;
    private final RoleNames roleNames;
    private final Clock clock;

    IdentityAdmin(IdentityStore store, AuditLog audit, RoleNames roleNames, Clock clock) {
        this.store = store;
        this.audit = audit;
        this.roleNames = roleNames;
        this.clock = clock;
    }

    @Transactional
    DepartmentRow createDepartment(String name, Long parentId, long actorId) {
        var errors = new InvalidInputException.Collector();
        if (name == null || name.isBlank()) {
            errors.reject("name", "error.required");
        }
        var parent = store.department(parentId == null ? 1L : parentId);
        if (parent.isEmpty()) {
            errors.reject("parentId", "error.department.unknown");
        }
        errors.throwIfAny();
        long id = store.insertDepartment(parent.get().id(), parent.get().path(), name.trim(), clock.instant());
        audit.recordChanges("department", id, "create", actorId, List.of(new AuditLog.Change("name", null, name.trim()),
                new AuditLog.Change("parent_id", null, parent.get().id())));
        return store.department(id).orElseThrow();
    }

    @Transactional
    DepartmentRow updateDepartment(long id, Long version, String name, Long parentId, long actorId) {
        DepartmentRow old = store.department(id).orElseThrow(() -> new NotFoundException("department", id));
        var errors = new InvalidInputException.Collector();
        if (version == null) {
            errors.reject("version", "error.required");
        }
        if (name == null || name.isBlank()) {
            errors.reject("name", "error.required");
        }
        String newPath = old.path();
        Long newParent = old.parentId();
        if (parentId != null && old.parentId() != null && !parentId.equals(old.parentId())) {
            var parent = store.department(parentId);
            if (parent.isEmpty()) {
                errors.reject("parentId", "error.department.unknown");
            } else if (parent.get().path().startsWith(old.path())) {
                errors.reject("parentId", "error.department.cycle");
            } else {
                newPath = parent.get().path() + id + "/";
                newParent = parentId;
            }
        }
        errors.throwIfAny();
        store.updateDepartment(id, version, name.trim(), newParent, old.path(), newPath);
        audit.recordChanges("department", id, "update", actorId, List.of(new AuditLog.Change("name", old.name(), name.trim()),
                new AuditLog.Change("parent_id", old.parentId(), newParent)));
        return store.department(id).orElseThrow();
    }

    @Transactional
    void deleteDepartment(long id, long actorId) {
        DepartmentRow old = store.department(id).orElseThrow(() -> new NotFoundException("department", id));
        if (old.parentId() == null) {
            throw new InvalidInputException("id", "error.department.root");
        }
        if (store.departmentUsage(id) > 0) {
            throw new InvalidInputException("id", "error.department.inUse");
        }
        store.deleteDepartment(id);
        audit.recordChanges("department", id, "delete", actorId, List.of(new AuditLog.Change("name", old.name(), null)));
    }

    List<RoleRow> roles() {
        return store.roles();
    }

    @Transactional
    RoleRow createRole(String key, String name, DataScope scope, Set<String> permissions, long actorId) {
        var errors = new InvalidInputException.Collector();
        if (key == null || !key.matches("[a-z][a-z0-9-]{1,49}")) {
            errors.reject("key", "error.role.key");
        } else if (store.roleByKey(key).isPresent()) {
            errors.reject("key", "error.role.taken");
        }
        if (name == null || name.isBlank()) {
            errors.reject("name", "error.required");
        }
        if (scope == null) {
            errors.reject("dataScope", "error.required");
        }
        Set<String> perms = checkPermissions(permissions, errors);
        errors.throwIfAny();
        long id = store.insertRole(key, name.trim(), scope, perms);
        audit.recordChanges("role", id, "create", actorId, List.of(new AuditLog.Change("key", null, key),
                new AuditLog.Change("data_scope", null, scope), new AuditLog.Change("permissions", null, String.join(",", perms))));
        return store.role(id).orElseThrow();
    }

    @Transactional
    RoleRow updateRole(long id, Long version, String shownName, DataScope scope, Set<String> permissions, long actorId) {
        RoleRow old = store.role(id).orElseThrow(() -> new NotFoundException("role", id));
        String name = roleNames.toStore(old, shownName);
        var errors = new InvalidInputException.Collector();
        if (version == null) {
            errors.reject("version", "error.required");
        }
        if (name == null || name.isBlank()) {
            errors.reject("name", "error.required");
        }
        if (scope == null) {
            errors.reject("dataScope", "error.required");
        }
        Set<String> perms = checkPermissions(permissions, errors);
        if ("admin".equals(old.key()) && !perms.contains("role:manage")) {
            // the last way back into the role pages must not be removed
            errors.reject("permissions", "error.role.adminLockout");
        }
        errors.throwIfAny();
        store.updateRole(id, version, name.trim(), scope, perms);
        audit.recordChanges("role", id, "update", actorId, List.of(new AuditLog.Change("name", old.name(), name.trim()),
                new AuditLog.Change("data_scope", old.scope(), scope),
                new AuditLog.Change("permissions", String.join(",", new java.util.TreeSet<>(old.permissions())), String.join(",", new java.util.TreeSet<>(perms)))));
        return store.role(id).orElseThrow();
    }

    private static Set<String> checkPermissions(Set<String> permissions, InvalidInputException.Collector errors) {
        Set<String> perms = permissions == null ? Set.of() : new LinkedHashSet<>(permissions);
        List<String> known = Permission.all();
        for (String p : perms) {
            if (!known.contains(p)) {
                errors.reject("permissions", "error.permission.unknown", p);
            }
        }
        return perms;
    }
}
