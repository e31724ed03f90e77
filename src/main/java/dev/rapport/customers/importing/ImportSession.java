package dev.rapport.customers.importing;

import dev.rapport.identity.CurrentUser;
import dev.rapport.identity.OwnerScope;
import java.util.Optional;

/**
 * What an {@link ImportedType} knows of the import it serves: who imports, from which file, in
 * which mode, and the owners a column may name (by e-mail, id, or a name only one user has).
 */
public final class ImportSession {

    private final ImportContext ctx;

    ImportSession(ImportContext ctx) {
        this.ctx = ctx;
    }

    public long importId() {
        return ctx.importId();
    }

    public String fileName() {
        return ctx.fileName();
    }

    public CurrentUser user() {
        return ctx.user();
    }

    public OwnerScope scope() {
        return ctx.scope();
    }

    public ImportMode mode() {
        return ctx.mode();
    }

    /** The active user an owner cell names (e-mail, id or unique name); empty when it names none. */
    public Optional<Long> owner(String text) {
        return Optional.ofNullable(ctx.inputs().ownerOrNull(text));
    }
}
