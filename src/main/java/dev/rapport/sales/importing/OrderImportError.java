package dev.rapport.sales.importing;

/** A rejected or skipped row: its line in the file, the outcome, a reason key and the row as read. */
public record OrderImportError(long id, long line, String outcome, String reason, String detail, String raw) {
}
