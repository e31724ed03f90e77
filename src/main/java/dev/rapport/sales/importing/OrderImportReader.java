package dev.rapport.sales.importing;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;

/**
 * Reads an order history file row by row in bounded memory: CSV (UTF-8 with or without BOM, or
 * GBK as Chinese Excel writes it; comma, semicolon or tab, guessed from the first 64 KB) with
 * FastCSV, or the first sheet of an xlsx workbook with fastexcel-reader (copied to a temporary file
 * first, since a zip's directory is at its end). Row numbers are the file's line numbers.
 */
final class OrderImportReader implements AutoCloseable {

    /** A data row: its line number in the file and its cells in header order. */
    record Line(long number, List<String> values) {
        String value(int column) {
            return column >= 0 && column < values.size() && values.get(column) != null && !values.get(column).isBlank()
                    ? values.get(column).trim() : null;
        }
    }

    private static final int SAMPLE = 64 * 1024;

    private final Iterator<List<String>> rows;
    private final AutoCloseable closer;
    private final Path temp;
    private final List<String> headers;
    private long line;

    private OrderImportReader(Iterator<List<String>> rows, AutoCloseable closer, Path temp) {
        this.rows = rows;
        this.closer = closer;
        this.temp = temp;
        this.headers = rows.hasNext() ? rows.next().stream().map(h -> h == null ? "" : h.trim()).toList() : List.of();
        this.line = 1;
    }

    static boolean supported(String fileName) {
        String f = fileName == null ? "" : fileName.toLowerCase();
        return f.endsWith(".csv") || f.endsWith(".txt") || f.endsWith(".tsv") || f.endsWith(".xlsx");
    }

    static String format(String fileName) {
        return fileName.toLowerCase().endsWith(".xlsx") ? "xlsx" : "csv";
    }

    /** Opens a file; {@code open} gives a fresh stream over it each time it is called. */
    static OrderImportReader open(String format, IoSupplier open) throws IOException {
        if (format.equals("xlsx")) {
            Path copy = Files.createTempFile("rapport-order-import-", ".xlsx");
            try (InputStream in = open.get()) {
                Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            }
            // with the cell formats, so that dates (numbers formatted as dates) read as dates
            ReadableWorkbook workbook = new ReadableWorkbook(copy.toFile(), new ReadingOptions(true, false));
            Stream<Row> stream = workbook.getFirstSheet().openStream();
            Iterator<Row> it = stream.iterator();
            Iterator<List<String>> cells = new Iterator<>() {
                public boolean hasNext() {
                    return it.hasNext();
                }

                public List<String> next() {
                    Row r = it.next();
                    List<String> out = new ArrayList<>();
                    for (int i = 0; i < r.getCellCount(); i++) {
                        Cell c = r.getCell(i);
                        out.add(c == null ? null : text(c));
                    }
                    return out;
                }
            };
            return new OrderImportReader(cells, () -> {
                stream.close();
                workbook.close();
            }, copy);
        }
        byte[] sample;
        try (InputStream in = open.get()) {
            sample = in.readNBytes(SAMPLE);
        }
        boolean bom = sample.length >= 3 && (sample[0] & 0xFF) == 0xEF && (sample[1] & 0xFF) == 0xBB && (sample[2] & 0xFF) == 0xBF;
        Charset charset = bom || utf8(sample) ? StandardCharsets.UTF_8 : Charset.forName("GBK");
        InputStream in = new BufferedInputStream(open.get(), 1 << 16);
        if (bom) {
            in.skipNBytes(3);
        }
        CsvReader<CsvRecord> reader = CsvReader.builder().fieldSeparator(separator(new String(sample, charset)))
                .skipEmptyLines(true).allowExtraFields(true).allowMissingFields(true)
                .ofCsvRecord(new InputStreamReader(in, charset));
        Iterator<CsvRecord> it = reader.iterator();
        Iterator<List<String>> cells = new Iterator<>() {
            public boolean hasNext() {
                return it.hasNext();
            }

            public List<String> next() {
                return it.next().getFields();
            }
        };
        return new OrderImportReader(cells, reader, null);
    }

    /**
     * A cell as text; a number formatted as a date (how ERPs and Excel store order dates) as
     * yyyy-MM-dd, with the time when there is one. Built-in date formats are 14–22 and the CJK ones
     * 27–36, 50–58; custom ones are recognised by y/m/d/h outside quotes and brackets.
     */
    static String text(Cell c) {
        if (c.getType() != CellType.NUMBER || !dateFormatted(c.getDataFormatId(), c.getDataFormatString())) {
            return c.getText();
        }
        LocalDateTime at = c.asDate();
        return at.toLocalTime().equals(LocalTime.MIDNIGHT) ? at.toLocalDate().toString() : at.toString();
    }

    static boolean dateFormatted(Integer id, String format) {
        if (id != null && ((id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58))) {
            return true;
        }
        if (format == null || format.isBlank() || format.equalsIgnoreCase("general")) {
            return false;
        }
        String plain = format.replaceAll("\"[^\"]*\"|\\[[^\\]]*\\]|\\\\.", "").toLowerCase();
        return plain.matches(".*[ymdh].*");
    }

    /** A stream opener that may fail. */
    interface IoSupplier {
        InputStream get() throws IOException;
    }

    List<String> headers() {
        return headers;
    }

    /** The next row, or null at the end. */
    Line next() {
        if (!rows.hasNext()) {
            return null;
        }
        line++;
        return new Line(line, rows.next());
    }

    private static boolean utf8(byte[] sample) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(sample, 0, Math.max(0, sample.length - 4)));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static char separator(String sample) {
        String first = sample.lines().findFirst().orElse("");
        long commas = first.chars().filter(c -> c == ',').count();
        long semicolons = first.chars().filter(c -> c == ';').count();
        long tabs = first.chars().filter(c -> c == '\t').count();
        return tabs > commas && tabs > semicolons ? '\t' : semicolons > commas ? ';' : ',';
    }

    @Override
    public void close() throws Exception {
        try {
            closer.close();
        } finally {
            if (temp != null) {
                Files.deleteIfExists(temp);
            }
        }
    }
}
