package dev.rapport.customers.importing;

import java.util.Set;

/**
 * What happens to an import row once matching has run; the rules are the same for customers and
 * contacts. A new row is inserted if valid; a row matching a record is rejected as a duplicate in
 * create mode, skipped in skip mode (or when it repeats an earlier row of the file), and otherwise
 * updates the record, provided the user may see it.
 */
enum RowAction {
    INSERT, INVALID, DUPLICATE, SKIP, NOT_VISIBLE, UPDATE;

    static RowAction of(ImportContext ctx, Matches.Outcome outcome, boolean valid, Set<Long> loaded) {
        if (outcome.kind() == Matches.Kind.NEW) {
            return valid ? INSERT : INVALID;
        }
        if (ctx.mode() == ImportMode.CREATE) {
            return DUPLICATE;
        }
        if (ctx.mode() == ImportMode.SKIP || outcome.kind() == Matches.Kind.REPEATED) {
            return SKIP;
        }
        if (!ctx.scope().includes(outcome.existing().ownerId()) || !loaded.contains(outcome.existing().id())) {
            return NOT_VISIBLE;
        }
        return UPDATE;
    }
}
