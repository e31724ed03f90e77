package dev.rapport.customers.importing;

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
import java.util.Iterator;
import java.util.List;

/**
 * CSV in UTF-8 (with or without BOM) or GBK, separated by comma, semicolon or tab. Encoding and
 * separator are guessed from the first 64 KB, because exports from Excel in China are GBK and
 * European Excel writes semicolons, and users cannot be expected to know which they have.
 */
class CsvSource implements RowSource {

    private static final int SAMPLE = 64 * 1024;
    private static final Charset GBK = Charset.forName("GBK");

    private final CsvReader<CsvRecord> reader;
    private final Iterator<CsvRecord> records;
    private final List<String> headers;
    private final char separator;
    private final RowSources.Counting counting;
    private final long length;
    private boolean ended;

    CsvSource(FileContent file) throws IOException {
        byte[] sample = sample(file);
        boolean bom = sample.length >= 3 && (sample[0] & 0xFF) == 0xEF && (sample[1] & 0xFF) == 0xBB && (sample[2] & 0xFF) == 0xBF;
        Charset charset = bom || isUtf8(sample) ? StandardCharsets.UTF_8 : GBK;
        length = file.size();
        counting = new RowSources.Counting(file.open());
        InputStream in = new BufferedInputStream(counting, 1 << 16);
        if (bom) {
            in.skipNBytes(3);
        }
        separator = separator(new String(sample, charset));
        reader = CsvReader.builder().fieldSeparator(separator).skipEmptyLines(false).allowExtraFields(true)
                .allowMissingFields(true).ofCsvRecord(new InputStreamReader(in, charset));
        records = reader.iterator();
        List<String> first = List.of();
        while (records.hasNext()) {
            first = records.next().getFields();
            if (!SourceRow.isBlank(first)) {
                break;
            }
        }
        headers = first.stream().map(String::trim).toList();
    }

    @Override
    public List<String> headers() {
        return headers;
    }

    @Override
    public SourceRow next() {
        if (ended || !records.hasNext()) {
            return null;
        }
        CsvRecord r = records.next();
        List<String> values = r.getFields();
        if (SourceRow.isBlank(values)) {
            ended = true;
            return null;
        }
        return new SourceRow(r.getStartingLineNumber(), values, String.join(String.valueOf(separator), values));
    }

    /** Bytes read from the file; ahead of the last row by at most the read buffers, which is fine for progress. */
    @Override
    public long position() {
        return Math.min(counting.count(), length);
    }

    @Override
    public long length() {
        return length;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }

    private static byte[] sample(FileContent file) throws IOException {
        try (InputStream in = file.open()) {
            return in.readNBytes(SAMPLE);
        }
    }

    /** Strict UTF-8 decoding of the sample; a multi-byte character cut at the sample's end is not an error. */
    static boolean isUtf8(byte[] sample) {
        int end = sample.length;
        int back = 0;
        while (back < 3 && end - back - 1 >= 0 && (sample[end - back - 1] & 0xC0) == 0x80) {
            back++;
        }
        if (end - back - 1 >= 0 && (sample[end - back - 1] & 0xC0) == 0xC0) {
            end = end - back - 1;
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(sample, 0, end));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** The candidate that occurs most often, outside quotes, in the header line. */
    static char separator(String text) {
        int comma = 0;
        int semicolon = 0;
        int tab = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                if (comma + semicolon + tab > 0) {
                    break;
                }
            } else if (!quoted) {
                switch (c) {
                    case ',' -> comma++;
                    case ';' -> semicolon++;
                    case '\t' -> tab++;
                    default -> { }
                }
            }
        }
        if (tab > comma && tab >= semicolon) {
            return '\t';
        }
        return semicolon > comma ? ';' : ',';
    }
}
