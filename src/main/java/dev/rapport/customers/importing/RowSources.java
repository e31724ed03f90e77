package dev.rapport.customers.importing;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
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

    static RowSource open(FileContent file, String extension) throws IOException {
        return switch (extension) {
            case "xlsx" -> new XlsxSource(file);
            case "vcf" -> new VCardSource(file);
            default -> new CsvSource(file);
        };
    }

    /** Counts the bytes read through it, for progress by position in the file. */
    static final class Counting extends FilterInputStream {
        private volatile long count;

        Counting(InputStream in) {
            super(in);
        }

        long count() {
            return count;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count += skipped;
            return skipped;
        }
    }
}
