package dev.rapport.customers.importing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;

/** The first sheet of an xlsx workbook, streamed row by row with fastexcel-reader. */
class XlsxSource implements RowSource {

    private final ReadableWorkbook workbook;
    private final Stream<Row> stream;
    private final Iterator<Row> rows;
    private final List<String> headers;
    private boolean ended;

    XlsxSource(Path file) throws IOException {
        workbook = new ReadableWorkbook(file.toFile(), new org.dhatim.fastexcel.reader.ReadingOptions(true, false));
        stream = workbook.getFirstSheet().openStream();
        rows = stream.iterator();
        List<String> first = List.of();
        while (rows.hasNext()) {
            first = values(rows.next());
            if (!SourceRow.isBlank(first)) {
                break;
            }
        }
        headers = first.stream().map(h -> h == null ? "" : h.trim()).toList();
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
        stream.close();
        workbook.close();
    }
}
