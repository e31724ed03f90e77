package dev.rapport.identity.domain;

import dev.rapport.identity.DataScope;
import java.util.Set;

public record RoleRow(long id, String key, String name, DataScope scope, boolean builtin, long version,
                      Set<String> permissions) {
}
