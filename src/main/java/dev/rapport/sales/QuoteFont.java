package dev.rapport.sales;

import java.io.IOException;
import java.io.InputStream;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The CJK font quote PDFs are set in: Noto Sans SC (SIL OFL 1.1), put into the application by the
 * build (see pom.xml), so a machine with only a JDK renders Chinese. Read once and kept in memory
 * (about 10 MB); each document embeds only the glyphs it uses.
 */
@Component
class QuoteFont {

    static final String RESOURCE = "/fonts/NotoSansSC_400Regular.ttf";
    private static final Logger log = LoggerFactory.getLogger(QuoteFont.class);

    private volatile byte[] bytes;

    PDType0Font load(PDDocument doc) throws IOException {
        // horizontal writing, only the glyphs used embedded
        return PDType0Font.load(doc, new RandomAccessReadBuffer(bytes()), true, false);
    }

    private byte[] bytes() throws IOException {
        byte[] b = bytes;
        if (b == null) {
            try (InputStream in = QuoteFont.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    log.error("The CJK font {} is missing from the application: build it with Maven (the build downloads it),"
                            + " or quote PDFs cannot show Chinese", RESOURCE);
                    throw new IllegalStateException("CJK font " + RESOURCE + " missing; rebuild with ./mvnw package");
                }
                b = in.readAllBytes();
            }
            bytes = b;
        }
        return b;
    }
}
