package dev.rapport.customers.importing;

import de.siegmar.fastcsv.writer.CsvWriter;
import dev.rapport.identity.CurrentUser;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * The rejected and the skipped rows of an import, each with its line and reason translated for the
 * reader, as pages or as a CSV report.
 */
@Service
public class ImportReports {

    /** One rejected or skipped row: its line in the file, why, and its text (truncated). */
    public record Rejected(long line, String reason, String raw) {
    }

    /** A page of rejected rows; {@code next} is the cursor (a line number) of the next page, or null. */
    public record Page(List<Rejected> items, String next) {
    }

    private final ImportManagement imports;
    private final MessageSource messages;

    ImportReports(ImportManagement imports, MessageSource messages) {
        this.imports = imports;
        this.messages = messages;
    }

    /** Rejected rows ({@code skipped} false) or skipped rows, after the cursor. */
    public Page page(CurrentUser user, long id, boolean skipped, String cursor, int limit, Locale locale) {
        long after = 0;
        if (cursor != null && !cursor.isBlank()) {
            try {
                after = Long.parseLong(cursor);
            } catch (NumberFormatException e) {
                throw new dev.rapport.platform.InvalidInputException("cursor", "error.cursor.invalid");
            }
        }
        List<ImportStore.ReportedRow> rows = imports.reported(user, id, outcome(skipped), after, limit + 1);
        String next = null;
        if (rows.size() > limit) {
            rows = rows.subList(0, limit);
            next = String.valueOf(rows.get(limit - 1).line());
        }
        return new Page(rows.stream().map(r -> translate(r, locale)).toList(), next);
    }

    /** Writes every rejected (or skipped) row as CSV (UTF-8 with BOM so Excel opens it correctly). */
    public void writeCsv(CurrentUser user, long id, boolean skipped, OutputStream out, Locale locale) throws IOException {
        imports.find(user, id);
        out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        OutputStreamWriter writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        CsvWriter csv = CsvWriter.builder().build(writer);
        csv.writeRecord(messages.getMessage("import.error.line", null, locale), messages.getMessage("import.error.reason", null, locale),
                messages.getMessage("import.error.raw", null, locale));
        long after = 0;
        List<ImportStore.ReportedRow> rows;
        do {
            rows = imports.reported(user, id, outcome(skipped), after, 1000);
            for (ImportStore.ReportedRow r : rows) {
                Rejected t = translate(r, locale);
                csv.writeRecord(String.valueOf(t.line()), t.reason(), t.raw() == null ? "" : t.raw());
                after = r.line();
            }
        } while (rows.size() == 1000);
        csv.flush();
        writer.flush();
    }

    private static String outcome(boolean skipped) {
        return skipped ? ImportStore.SKIPPED : ImportStore.REJECTED;
    }

    private Rejected translate(ImportStore.ReportedRow r, Locale locale) {
        return new Rejected(r.line(), RejectReason.translate(r.reason(), messages, locale), r.raw());
    }
}
