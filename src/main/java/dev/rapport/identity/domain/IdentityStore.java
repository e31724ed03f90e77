package dev.rapport.identity.domain;

import dev.rapport.identity.DataScope;
import dev.rapport.platform.CacheGenerations;
import dev.rapport.platform.StaleVersionException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Reads and writes users, roles and departments. Updates check the version column. */
@Repository
public class IdentityStore {

    private static final String USER_SELECT = """
            select u.id, u.email, u.name, u.password_hash, u.role_id, r.role_key, u.department_id,
                   d.name as department_name, u.manager_id, u.active, u.version, u.created_at,
                   u.time_zone, u.locale, u.email_reminders
            from users u join roles r on r.id = u.role_id join departments d on d.id = u.department_id
            """;

    private final JdbcClient jdbc;

    private final CacheGenerations generations;

    public IdentityStore(JdbcClient jdbc, CacheGenerations generations) {
        this.jdbc = jdbc;
        this.generations = generations;
    }

    // ---- the directory snapshot (see DirectoryCache)

    Directory directory(long generation) {
        return new Directory(generation, users(), roles(), departments());
    }

    /**
     * Every write moves the generation last, in its transaction, so every node reloads the
     * directory; outside a transaction a reader may briefly keep the old snapshot, never cache
     * old data under the new number.
     */
    private void changed() {
        generations.bump(DirectoryCache.KIND);
    }

    // ---- users

    public Optional<UserRow> userByEmail(String email) {
        return jdbc.sql(USER_SELECT + " where u.email = :email").param("email", email.toLowerCase())
                .query(IdentityStore::user).optional();
    }

    public Optional<UserRow> user(long id) {
        return jdbc.sql(USER_SELECT + " where u.id = :id").param("id", id).query(IdentityStore::user).optional();
    }

    public List<UserRow> users() {
        return jdbc.sql(USER_SELECT + " order by u.name, u.id").query(IdentityStore::user).list();
    }

    public long countUsers() {
        return jdbc.sql("select count(*) from users").query(Long.class).single();
    }

    public long insertUser(String email, String name, String hash, long roleId, long departmentId, Long managerId,
                           String timeZone, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into users (email, name, password_hash, role_id, department_id, manager_id, active, version, created_at,
                    time_zone, email_reminders)
                values (:email, :name, :hash, :role, :dept, :manager, true, 0, :now, :zone, true)""")
                .param("email", email.toLowerCase()).param("name", name).param("hash", hash).param("role", roleId)
                .param("dept", departmentId).param("manager", managerId).param("now", Timestamp.from(now))
                .param("zone", timeZone)
                .update(keys, "id");
        changed();
        return keys.getKey().longValue();
    }

    public void updateUser(long id, long expectedVersion, String name, long roleId, long departmentId, Long managerId,
                           boolean active, String timeZone) {
        int n = jdbc.sql("""
                update users set name = :name, role_id = :role, department_id = :dept, manager_id = :manager,
                       active = :active, time_zone = :zone, version = version + 1
                where id = :id and version = :version""")
                .param("name", name).param("role", roleId).param("dept", departmentId).param("manager", managerId)
                .param("active", active).param("zone", timeZone).param("id", id).param("version", expectedVersion).update();
        if (n == 0) {
            throw new StaleVersionException("user", user(id).map(UserRow::version).orElse(-1L));
        }
        changed();
    }

    /** A user's own settings; not versioned, because only the user edits them and the last choice wins. */
    public void updateSettings(long id, String timeZone, boolean emailReminders) {
        jdbc.sql("update users set time_zone = :zone, email_reminders = :mail where id = :id")
                .param("zone", timeZone).param("mail", emailReminders).param("id", id).update();
        changed();
    }

    public void updateLanguage(long id, String language) {
        jdbc.sql("update users set locale = :lang where id = :id").param("lang", language).param("id", id).update();
        changed();
    }

    public void updatePassword(long id, String hash) {
        jdbc.sql("update users set password_hash = :hash, version = version + 1 where id = :id")
                .param("hash", hash).param("id", id).update();
        changed();
    }

    private static UserRow user(ResultSet rs, int n) throws SQLException {
        return new UserRow(rs.getLong("id"), rs.getString("email"), rs.getString("name"), rs.getString("password_hash"),
                rs.getLong("role_id"), rs.getString("role_key"), rs.getLong("department_id"), rs.getString("department_name"),
                rs.getObject("manager_id", Long.class), rs.getBoolean("active"), rs.getLong("version"),
                rs.getTimestamp("created_at").toInstant(), rs.getString("time_zone"), rs.getString("locale"),
                rs.getBoolean("email_reminders"));
    }

    // ---- roles

    public List<RoleRow> roles() {
        Map<Long, Set<String>> perms = jdbc.sql("select role_id, permission from role_permissions")
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2))).list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toCollection(LinkedHashSet::new))));
        return jdbc.sql("select id, role_key, name, data_scope, builtin, version from roles order by id")
                .query((rs, n) -> new RoleRow(rs.getLong("id"), rs.getString("role_key"), rs.getString("name"),
                        DataScope.valueOf(rs.getString("data_scope")), rs.getBoolean("builtin"), rs.getLong("version"),
                        perms.getOrDefault(rs.getLong("id"), Set.of())))
                .list();
    }

    public Optional<RoleRow> role(long id) {
        return roles().stream().filter(r -> r.id() == id).findFirst();
    }

    public Optional<RoleRow> roleByKey(String key) {
        return roles().stream().filter(r -> r.key().equals(key)).findFirst();
    }

    public long insertRole(String key, String name, DataScope scope, Set<String> permissions) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into roles (role_key, name, data_scope, builtin, version) values (:key, :name, :scope, false, 0)")
                .param("key", key).param("name", name).param("scope", scope.name()).update(keys, "id");
        long id = keys.getKey().longValue();
        writePermissions(id, permissions);
        changed();
        return id;
    }

    public void updateRole(long id, long expectedVersion, String name, DataScope scope, Set<String> permissions) {
        int n = jdbc.sql("update roles set name = :name, data_scope = :scope, version = version + 1 where id = :id and version = :v")
                .param("name", name).param("scope", scope.name()).param("id", id).param("v", expectedVersion).update();
        if (n == 0) {
            throw new StaleVersionException("role", role(id).map(RoleRow::version).orElse(-1L));
        }
        jdbc.sql("delete from role_permissions where role_id = :id").param("id", id).update();
        writePermissions(id, permissions);
        changed();
    }

    private void writePermissions(long roleId, Set<String> permissions) {
        for (String p : permissions) {
            jdbc.sql("insert into role_permissions (role_id, permission) values (:id, :p)").param("id", roleId).param("p", p).update();
        }
    }

    public long usersWithRole(long roleId) {
        return jdbc.sql("select count(*) from users where role_id = :id").param("id", roleId).query(Long.class).single();
    }

    public void deleteRole(long id) {
        jdbc.sql("delete from roles where id = :id").param("id", id).update();
        changed();
    }

    // ---- departments

    public List<DepartmentRow> departments() {
        return jdbc.sql("select id, parent_id, name, path, version from departments order by path")
                .query((rs, n) -> new DepartmentRow(rs.getLong("id"), rs.getObject("parent_id", Long.class),
                        rs.getString("name"), rs.getString("path"), rs.getLong("version")))
                .list();
    }

    public Optional<DepartmentRow> department(long id) {
        return jdbc.sql("select id, parent_id, name, path, version from departments where id = :id").param("id", id)
                .query((rs, n) -> new DepartmentRow(rs.getLong("id"), rs.getObject("parent_id", Long.class),
                        rs.getString("name"), rs.getString("path"), rs.getLong("version")))
                .optional();
    }

    public long insertDepartment(long parentId, String parentPath, String name, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into departments (parent_id, name, path, version, created_at) values (:p, :name, '/', 0, :now)")
                .param("p", parentId).param("name", name).param("now", Timestamp.from(now)).update(keys, "id");
        long id = keys.getKey().longValue();
        jdbc.sql("update departments set path = :path where id = :id").param("path", parentPath + id + "/").param("id", id).update();
        changed();
        return id;
    }

    public void updateDepartment(long id, long expectedVersion, String name, Long parentId, String oldPath, String newPath) {
        int n = jdbc.sql("update departments set name = :name, parent_id = :p, version = version + 1 where id = :id and version = :v")
                .param("name", name).param("p", parentId).param("id", id).param("v", expectedVersion).update();
        if (n == 0) {
            throw new StaleVersionException("department", department(id).map(DepartmentRow::version).orElse(-1L));
        }
        if (!oldPath.equals(newPath)) {
            // move the whole subtree: every descendant's path starts with the old path
            jdbc.sql("update departments set path = :new || substring(path, :len) where path like :old")
                    .param("new", newPath).param("len", oldPath.length() + 1).param("old", oldPath + "%").update();
        }
        changed();
    }

    public long departmentUsage(long id) {
        return jdbc.sql("select (select count(*) from users where department_id = :id) + (select count(*) from departments where parent_id = :id)")
                .param("id", id).query(Long.class).single();
    }

    public void deleteDepartment(long id) {
        jdbc.sql("delete from departments where id = :id").param("id", id).update();
        changed();
    }
}
