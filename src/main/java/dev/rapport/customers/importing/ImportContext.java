package dev.rapport.customers.importing;

import dev.rapport.customers.domain.ValidationContext;
import dev.rapport.identity.CurrentUser;
import dev.rapport.identity.OwnerScope;

/** What every batch of one import needs, loaded once when the job starts. */
record ImportContext(long importId, String fileName, CurrentUser user, OwnerScope scope, ImportTypes.Spec type, ImportMode mode,
                     MatchKey matchOn, ValidationContext validation, InputBuilder inputs) {
}
