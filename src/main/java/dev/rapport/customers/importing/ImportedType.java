package dev.rapport.customers.importing;

import dev.rapport.platform.InvalidInputException.FieldError;
import java.util.List;
import java.util.Map;

/**
 * A record type that another module imports through this importer (the SPI of the import). The
 * importer keeps everything that is the same for every type: upload, preview and column mapping,
 * the background job with its progress, batches streamed from the file in bounded memory, matching
 * against stored records and earlier rows, create/update/skip modes, the per-row report of rejected
 * and skipped rows, resuming after a crash and the idempotent re-run. The type supplies only its
 * fields, header synonyms, row check, look-ups and writes. A Spring bean implementing it is found
 * by {@link #key()}; importing needs the permission {@code <entity>:import}.
 *
 * @param <V> a row that passed the type's validation
 */
public interface ImportedType<V> extends MatchLookup {

    /** What the upload form, the API and the command line call the type, plural: "leads". */
    String key();

    /** The record as permissions and audit name it, singular: "lead". */
    String entity();

    /** The fields a column can fill, in the order the mapping choice lists them; "recordId" is our own id. */
    List<String> fields();

    /**
     * Header synonyms per field: the column headers of the exports people have (compared without
     * case, spaces, punctuation or digits, as {@link ColumnMapping} does).
     */
    Map<String, List<String>> headers();

    /** The match keys the type stores, in the order they are tried; the user may pick one of them. */
    List<MatchKey> matchKeys();

    /**
     * Validates one row exactly as the type's form and API would (reading what it needs, writing
     * nothing: it runs ahead of the writers on the import's reader thread). Answers the valid record
     * or the errors, and the row's normalized match values (also for an invalid row, which in update
     * mode may still complete a stored record).
     */
    Checked<V> check(ImportSession session, MappedRow row);

    /**
     * Writes one batch inside its transaction: creates {@code inserts} and, in update mode, lays each
     * update row's values over its stored record. Writes set-based, with history and audit. Answers
     * the lines of update rows it refused (the merged record is invalid, or the record is gone), with why.
     */
    Map<Long, List<FieldError>> write(ImportSession session, List<V> inserts, List<Update> updates);

    /** A row's check: {@code valid} is null exactly when {@code errors} is not empty. */
    record Checked<V>(V valid, List<FieldError> errors, Map<MatchKey, String> keys) {
    }

    /** A row that matched the stored record {@code id} in update mode. */
    record Update(MappedRow row, long id) {
    }
}
