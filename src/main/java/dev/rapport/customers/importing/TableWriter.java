package dev.rapport.customers.importing;

import de.siegmar.fastcsv.writer.CsvWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/** A streaming table writer for exports: rows go out as they come, nothing is held whole. */
interface TableWriter extends AutoCloseable {

    void row(List<?> values) throws IOException;

    @Override
    void close() throws IOException;

    static TableWriter of(String format, OutputStream out) throws IOException {
        return "xlsx".equals(format) ? new Xlsx(out) : new Csv(out);
    }

    /** UTF-8 with a BOM: without it Excel reads Chinese text as mojibake. */
    final class Csv implements TableWriter {
        private final Writer writer;
        private final CsvWriter csv;

        Csv(OutputStream out) throws IOException {
            out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            csv = CsvWriter.builder().build(writer);
        }

        @Override
        public void row(List<?> values) {
            List<String> text = new ArrayList<>(values.size());
            values.forEach(v -> text.add(v == null ? "" : String.valueOf(v)));
            csv.writeRecord(text);
        }

        @Override
        public void close() throws IOException {
            csv.flush();
            writer.flush();
        }
    }

    /** One sheet, flushed every 1,000 rows so memory stays flat. */
    final class Xlsx implements TableWriter {
        private final Workbook workbook;
        private final Worksheet sheet;
        private int row;

        Xlsx(OutputStream out) {
            workbook = new Workbook(out, "Rapport", "1.0");
            sheet = workbook.newWorksheet("Export");
        }

        @Override
        public void row(List<?> values) throws IOException {
            for (int c = 0; c < values.size(); c++) {
                Object v = values.get(c);
                if (v instanceof Number n) {
                    sheet.value(row, c, n);
                } else if (v instanceof LocalDate d) {
                    sheet.value(row, c, d);
                    sheet.style(row, c).format("yyyy-mm-dd").set();
                } else if (v != null) {
                    sheet.value(row, c, String.valueOf(v));
                }
            }
            row++;
            if (row % 1000 == 0) {
                sheet.flush();
            }
        }

        @Override
        public void close() throws IOException {
            sheet.finish();
            workbook.finish();
        }
    }
}
