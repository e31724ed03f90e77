package dev.rapport.customers.importing;

import java.util.Set;

/**
 * What happens to an import row once matching has run; the rules are the same for customers and
 * contacts. A new row is inserted if valid. A row matching a record (or an earlier row of the
 * file) is skipped, with the reason listed, in create and skip mode, and in update mode when it
 * repeats an earlier row; otherwise it updates the record, provided the user may see it.
 */
enum RowAction {
    INSERT, INVALID, SKIP, NOT_VISIBLE, UPDATE;

    static RowAction of(ImportContext ctx, Matches.Outcome outcome, boolean valid, Set<Long> loaded) {
        if (outcome.kind() == Matches.Kind.NEW) {
            return valid ? INSERT : INVALID;
        }
        if (ctx.mode() != ImportMode.UPDATE || outcome.kind() == Matches.Kind.REPEATED) {
            return SKIP;
        }
        if (!ctx.scope().includes(outcome.existing().ownerId()) || !loaded.contains(outcome.existing().id())) {
            return NOT_VISIBLE;
        }
        return UPDATE;
    }

    /**
     * Why a row was skipped, for the report: the earlier line it repeats, or the record it matches.
     * A record the user may not see is not named, so the report does not reveal its id.
     */
    static String skipReason(ImportContext ctx, Matches.Outcome outcome) {
        if (outcome.kind() == Matches.Kind.REPEATED) {
            return RejectReason.encode(outcome.field(), "import.skip.repeated", outcome.earlierLine());
        }
        if (!ctx.scope().includes(outcome.existing().ownerId())) {
            return RejectReason.encode(outcome.field(), "import.skip.hidden");
        }
        return RejectReason.encode(outcome.field(), "import.skip.existing", outcome.existing().id());
    }
}
