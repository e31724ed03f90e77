package dev.rapport.identity.domain;

import dev.rapport.identity.DataScope;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An immutable snapshot of users, roles and departments at one {@code identity_generation}.
 * Answers "who is this", "what may they do" and "whose records may they see" without a query;
 * the data scope of each user is worked out once per snapshot.
 */
public final class Directory {

    private final long generation;
    private final List<UserRow> users;
    private final Map<Long, UserRow> byId = new HashMap<>();
    private final Map<String, UserRow> byEmail = new HashMap<>();
    private final Map<Long, RoleRow> roles = new HashMap<>();
    private final Map<Long, DepartmentRow> departments = new HashMap<>();
    private final Map<Long, List<Long>> reports = new HashMap<>();
    private final Map<Long, Set<Long>> scopes = new ConcurrentHashMap<>();
    private final Set<Long> activeIds = new HashSet<>();
    private final Map<String, Long> activeIdsByEmail = new HashMap<>();

    Directory(long generation, List<UserRow> users, List<RoleRow> roles, List<DepartmentRow> departments) {
        this.generation = generation;
        this.users = List.copyOf(users);
        for (UserRow u : users) {
            byId.put(u.id(), u);
            byEmail.put(u.email().toLowerCase(), u);
            if (u.active()) {
                activeIds.add(u.id());
                activeIdsByEmail.putIfAbsent(u.email().toLowerCase(), u.id());
            }
            if (u.managerId() != null) {
                reports.computeIfAbsent(u.managerId(), k -> new ArrayList<>()).add(u.id());
            }
        }
        roles.forEach(r -> this.roles.put(r.id(), r));
        departments.forEach(d -> this.departments.put(d.id(), d));
    }

    public long generation() {
        return generation;
    }

    /** Every user, ordered by name. */
    public List<UserRow> users() {
        return users;
    }

    /** The ids of the active users. */
    public Set<Long> activeIds() {
        return Collections.unmodifiableSet(activeIds);
    }

    /** The active users' ids by lower-case e-mail. */
    public Map<String, Long> activeIdsByEmail() {
        return Collections.unmodifiableMap(activeIdsByEmail);
    }

    public Optional<UserRow> user(long id) {
        return Optional.ofNullable(byId.get(id));
    }

    public Optional<UserRow> userByEmail(String email) {
        return Optional.ofNullable(email == null ? null : byEmail.get(email.toLowerCase()));
    }

    public Optional<RoleRow> role(long id) {
        return Optional.ofNullable(roles.get(id));
    }

    /** Whether the department is one of the given ones or lies below one of them. */
    public boolean within(long departmentId, java.util.Collection<Long> roots) {
        DepartmentRow d = departments.get(departmentId);
        if (d == null) {
            return false;
        }
        for (Long root : roots) {
            DepartmentRow r = departments.get(root);
            if (r != null && d.path().startsWith(r.path())) {
                return true;
            }
        }
        return false;
    }

    /**
     * The owners whose records the user may see under the given scope; null means everyone. The
     * user is always included.
     */
    public Set<Long> visibleOwners(UserRow user, DataScope scope) {
        if (scope == DataScope.ALL) {
            return null;
        }
        return scopes.computeIfAbsent(user.id(), id -> Collections.unmodifiableSet(owners(user, scope)));
    }

    private Set<Long> owners(UserRow user, DataScope scope) {
        Set<Long> result = new HashSet<>();
        result.add(user.id());
        switch (scope) {
            case OWN -> { }
            case OWN_AND_SUBORDINATES -> {
                Deque<Long> todo = new ArrayDeque<>(reports.getOrDefault(user.id(), List.of()));
                while (!todo.isEmpty()) {
                    Long next = todo.pop();
                    if (result.add(next)) {
                        todo.addAll(reports.getOrDefault(next, List.of()));
                    }
                }
            }
            case DEPARTMENT -> users.stream().filter(u -> u.departmentId() == user.departmentId()).forEach(u -> result.add(u.id()));
            case DEPARTMENT_TREE -> {
                DepartmentRow home = departments.get(user.departmentId());
                if (home != null) {
                    for (UserRow u : users) {
                        DepartmentRow d = departments.get(u.departmentId());
                        if (d != null && d.path().startsWith(home.path())) {
                            result.add(u.id());
                        }
                    }
                }
            }
            default -> throw new IllegalStateException("unknown scope " + scope);
        }
        return result;
    }
}
