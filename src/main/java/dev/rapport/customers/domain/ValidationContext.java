package dev.rapport.customers.domain;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What validating a record needs to know about the world, loaded once so a bulk import does not
 * query per row: active users (by id and e-mail), custom fields and the default owner.
 */
public record ValidationContext(Set<Long> activeUserIds, Map<String, Long> userIdsByEmail,
                                List<CustomFieldDef> customFields, long defaultOwnerId) {
}
