package dev.rapport.customers.importing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;

/**
 * The first sheet of an xlsx workbook, streamed row by row with fastexcel-reader. A workbook is a
 * zip archive whose directory sits at its end, so the file is copied to a temporary file on the
 * node that reads it (and deleted on close); progress counts rows, which are counted first.
 */
class XlsxSource implements RowSource {

    private final Path copy;
    private final ReadableWorkbook workbook;
    private final Stream<Row> stream;
    private final Iterator<Row> rows;
    private final List<String> headers;
    private final long length;
    private long read;
    private boolean ended;

    XlsxSource(FileContent file) throws IOException {
        copy = Files.createTempFile("rapport-import-", ".xlsx");
        try {
            try (InputStream in = file.open()) {
                Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            }
            length = countRows(copy);
            workbook = open(copy);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(copy);
            throw e;
        }
        stream = workbook.getFirstSheet().openStream();
        rows = stream.iterator();
        headers = firstNonBlank(rows).stream().map(h -> h == null ? "" : h.trim()).toList();
    }

    private static ReadableWorkbook open(Path file) throws IOException {
        return new ReadableWorkbook(file.toFile(), new org.dhatim.fastexcel.reader.ReadingOptions(true, false));
    }

    private static List<String> firstNonBlank(Iterator<Row> rows) {
        List<String> first = List.of();
        while (rows.hasNext()) {
            first = values(rows.next());
            if (!SourceRow.isBlank(first)) {
                break;
            }
        }
        return first;
    }

    /** Data rows up to the first blank one, as {@link #next} will return them. */
    private static long countRows(Path file) throws IOException {
        try (ReadableWorkbook wb = open(file); Stream<Row> s = wb.getFirstSheet().openStream()) {
            Iterator<Row> it = s.iterator();
            firstNonBlank(it);
            long n = 0;
            while (it.hasNext() && !SourceRow.isBlank(values(it.next()))) {
                n++;
            }
            return n;
        }
    }

    @Override
    public long position() {
        return read;
    }

    @Override
    public long length() {
        return length;
    }

    @Override
    public List<String> headers() {
        return headers;
    }

    @Override
    public SourceRow next() {
        if (ended || !rows.hasNext()) {
            return null;
        }
        Row row = rows.next();
        List<String> values = values(row);
        if (SourceRow.isBlank(values)) {
            ended = true;
            return null;
        }
        read++;
        return new SourceRow(row.getRowNum(), values, String.join(",", values.stream().map(v -> v == null ? "" : v).toList()));
    }

    private static List<String> values(Row row) {
        List<String> out = new ArrayList<>(row.getCellCount());
        for (int i = 0; i < row.getCellCount(); i++) {
            Cell cell = row.getCell(i);
            out.add(cell == null ? null : text(cell));
        }
        return out;
    }

    /** Dates come back as yyyy-MM-dd and whole numbers without ".0", so they parse like CSV text. */
    private static String text(Cell cell) {
        return switch (cell.getType()) {
            case NUMBER -> {
                if (cell.getDataFormatString() != null && isDateFormat(cell.getDataFormatString())) {
                    yield cell.asDate().toLocalDate().toString();
                }
                yield cell.asNumber().stripTrailingZeros().toPlainString();
            }
            case EMPTY -> null;
            default -> cell.getText();
        };
    }

    private static boolean isDateFormat(String format) {
        String f = format.toLowerCase();
        return f.contains("yy") || f.contains("d/") || f.contains("m/d") || f.contains("dd");
    }

    @Override
    public void close() throws IOException {
        try {
            stream.close();
            workbook.close();
        } finally {
            Files.deleteIfExists(copy);
        }
    }
}
