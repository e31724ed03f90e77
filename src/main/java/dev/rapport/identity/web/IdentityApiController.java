package dev.rapport.identity.web;

import dev.rapport.identity.AuditEntry;
import dev.rapport.identity.AuditLog;
import dev.rapport.identity.CurrentUser;
import dev.rapport.identity.DataScope;
import dev.rapport.identity.UserManagement;
import dev.rapport.identity.UserSummary;
import dev.rapport.identity.domain.DepartmentRow;
import dev.rapport.identity.domain.RoleRow;
import dev.rapport.identity.security.ApiTokens;
import dev.rapport.platform.CursorPage;
import dev.rapport.platform.InvalidInputException;
import dev.rapport.platform.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Users, departments, roles, API tokens and the audit log over JSON. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Identity", description = "Users, departments, roles, tokens and audit")
class IdentityApiController {

    record TokenRequest(String email, String password, String name) {
    }

    record TokenResponse(long id, String token) {
    }

    record CreateUser(String email, String name, String password, String role, Long departmentId, Long managerId,
                      String timeZone) {
    }

    record UpdateUser(String name, String role, Long departmentId, Long managerId, Boolean active, String timeZone,
                      Long version) {
    }

    record HandOver(Long toUserId) {
    }

    record DepartmentRequest(String name, Long parentId, Long version) {
    }

    record RoleRequest(String key, String name, DataScope dataScope, Set<String> permissions, Long version) {
    }

    private final UserManagement users;
    private final IdentityAdmin admin;
    private final ApiTokens tokens;
    private final AuditLog audit;
    private final AuthenticationManager authentication;

    IdentityApiController(UserManagement users, IdentityAdmin admin, ApiTokens tokens, AuditLog audit,
                          AuthenticationManager authentication) {
        this.users = users;
        this.admin = admin;
        this.tokens = tokens;
        this.audit = audit;
        this.authentication = authentication;
    }

    @Operation(summary = "Exchange e-mail and password for a personal access token (shown once)")
    @PostMapping("/auth/tokens")
    ResponseEntity<TokenResponse> token(@RequestBody TokenRequest request) {
        // A failed or throttled sign-in propagates as an AuthenticationException: the API problem
        // advice answers it with a translated 401.
        var auth = authentication.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(
                request.email() == null ? "" : request.email(), request.password() == null ? "" : request.password()));
        long userId = users.findByEmail(auth.getName()).orElseThrow().id();
        var issued = tokens.issue(userId, request.name());
        return ResponseEntity.status(HttpStatus.CREATED).body(new TokenResponse(issued.id(), issued.token()));
    }

    @Operation(summary = "The signed-in user")
    @GetMapping("/me")
    CurrentUser me() {
        return users.current();
    }

    @GetMapping("/users")
    CursorPage<UserSummary> users() {
        users.current().require("user:manage");
        return new CursorPage<>(users.all(), null);
    }

    @GetMapping("/users/{id}")
    UserSummary user(@PathVariable long id) {
        users.current().require("user:manage");
        return users.find(id).orElseThrow(() -> new NotFoundException("user", id));
    }

    @Operation(summary = "Create a user with email, name, password, role (a role key), departmentId and an optional "
            + "timeZone (IANA id such as Asia/Shanghai; default rapport.default-time-zone)")
    @PostMapping("/users")
    ResponseEntity<UserSummary> createUser(@RequestBody CreateUser request) {
        CurrentUser me = users.current();
        me.require("user:manage");
        return ResponseEntity.status(HttpStatus.CREATED).body(users.create(request.email(), request.name(), request.password(),
                request.role(), request.departmentId(), request.managerId(), request.timeZone(), me.id()));
    }

    @Operation(summary = "Update a user; version is required; an omitted name, role, departmentId or timeZone keeps its value")
    @PutMapping("/users/{id}")
    UserSummary updateUser(@PathVariable long id, @RequestBody UpdateUser request) {
        CurrentUser me = users.current();
        me.require("user:manage");
        if (request.version() == null) {
            throw new InvalidInputException("version", "error.required");
        }
        UserSummary old = users.find(id).orElseThrow(() -> new NotFoundException("user", id));
        return users.update(id, request.version(), request.name() == null ? old.name() : request.name(),
                request.role() == null ? old.roleKey() : request.role(),
                request.departmentId() == null ? old.departmentId() : request.departmentId(), request.managerId(),
                request.active() == null || request.active(), request.timeZone(), me.id());
    }

    @Operation(summary = "Hand everything the user owns (customers, contacts, open tasks) to another user and deactivate them")
    @PostMapping("/users/{id}/handover")
    ResponseEntity<Void> handOver(@PathVariable long id, @RequestBody HandOver request) {
        CurrentUser me = users.current();
        me.require("user:manage");
        if (request.toUserId() == null) {
            throw new InvalidInputException("toUserId", "error.required");
        }
        users.handOver(id, request.toUserId(), me.id());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/departments")
    List<DepartmentRow> departments() {
        users.current();
        return users.departments();
    }

    @PostMapping("/departments")
    ResponseEntity<DepartmentRow> createDepartment(@RequestBody DepartmentRequest request) {
        CurrentUser me = users.current();
        me.require("department:manage");
        return ResponseEntity.status(HttpStatus.CREATED).body(admin.createDepartment(request.name(), request.parentId(), me.id()));
    }

    @PutMapping("/departments/{id}")
    DepartmentRow updateDepartment(@PathVariable long id, @RequestBody DepartmentRequest request) {
        CurrentUser me = users.current();
        me.require("department:manage");
        return admin.updateDepartment(id, request.version(), request.name(), request.parentId(), me.id());
    }

    @DeleteMapping("/departments/{id}")
    ResponseEntity<Void> deleteDepartment(@PathVariable long id) {
        CurrentUser me = users.current();
        me.require("department:manage");
        admin.deleteDepartment(id, me.id());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/roles")
    List<RoleRow> roles() {
        users.current();
        return admin.roles();
    }

    @PostMapping("/roles")
    ResponseEntity<RoleRow> createRole(@RequestBody RoleRequest request) {
        CurrentUser me = users.current();
        me.require("role:manage");
        return ResponseEntity.status(HttpStatus.CREATED).body(admin.createRole(request.key(), request.name(),
                request.dataScope(), request.permissions(), me.id()));
    }

    @PutMapping("/roles/{id}")
    RoleRow updateRole(@PathVariable long id, @RequestBody RoleRequest request) {
        CurrentUser me = users.current();
        me.require("role:manage");
        return admin.updateRole(id, request.version(), request.name(), request.dataScope(), request.permissions(), me.id());
    }

    @GetMapping("/auth/tokens")
    List<ApiTokens.TokenInfo> myTokens() {
        return tokens.list(users.current().id());
    }

    @DeleteMapping("/auth/tokens/{id}")
    ResponseEntity<Void> revoke(@PathVariable long id) {
        if (!tokens.revoke(users.current().id(), id)) {
            throw new NotFoundException("token", id);
        }
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Change history of a user, role or department (for customers and contacts use their own /history)")
    @GetMapping("/audit")
    CursorPage<AuditEntry> audit(@RequestParam String entityType, @RequestParam long entityId,
                                 @RequestParam(required = false) String cursor, @RequestParam(defaultValue = "50") int limit) {
        users.current().require("audit:view");
        // records with a data scope have their own history endpoints, which check the scope
        if (!java.util.Set.of("user", "role", "department", "custom_field").contains(entityType)) {
            throw new InvalidInputException("entityType", "error.audit.entityType");
        }
        return audit.history(entityType, entityId, cursor, Math.min(Math.max(limit, 1), 200));
    }
}
