package dev.rapport.customers.importing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/** Opens an uploaded file by its extension: .csv/.txt/.tsv, .xlsx or .vcf/.vcard. */
final class RowSources {

    private RowSources() {
    }

    static boolean supported(String fileName) {
        return extension(fileName) != null;
    }

    /** The normalized extension of a supported file name, or null. */
    static String extension(String fileName) {
        if (fileName == null) {
            return null;
        }
        String lower = fileName.toLowerCase(Locale.ROOT);
        int dot = lower.lastIndexOf('.');
        String ext = dot < 0 ? "" : lower.substring(dot + 1);
        return switch (ext) {
            case "csv", "txt", "tsv" -> "csv";
            case "xlsx" -> "xlsx";
            case "vcf", "vcard" -> "vcf";
            default -> null;
        };
    }

    static RowSource open(Path file, String extension) throws IOException {
        return switch (extension) {
            case "xlsx" -> new XlsxSource(file);
            case "vcf" -> new VCardSource(file);
            default -> new CsvSource(file);
        };
    }
}
