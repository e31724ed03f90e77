package dev.rapport.sales;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Renders a quote as an A4 PDF: company header, customer and contact, the lines, the totals and the
 * terms, labelled in the reader's language, all set in the shipped CJK font so Chinese names show.
 */
@Component
class QuotePdf {

    private static final float MARGIN = 48;
    private static final float SIZE = 9.5f;
    private static final float LEADING = 14;
    /** Column left edges of the line table: #, description, quantity, unit, unit price, discount, tax, amount. */
    private static final float[] COLS = {MARGIN, 66, 290, 340, 380, 440, 480, 520};
    private static final float RIGHT = PDRectangle.A4.getWidth() - MARGIN;

    private final QuoteFont fonts;
    private final MessageSource messages;
    private final String company;

    QuotePdf(QuoteFont fonts, MessageSource messages, @Value("${rapport.company.name:Rapport CRM}") String company) {
        this.fonts = fonts;
        this.messages = messages;
        this.company = company;
    }

    /** A quote with the contact it is addressed to (both may be null). */
    byte[] render(QuoteView q, String contactName, String contactEmail, Locale locale) {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Writer w = new Writer(doc, fonts.load(doc));
            w.text(MARGIN, 16, company);
            w.right(RIGHT, 16, label("quote.pdf.title", locale));
            w.down(26);
            w.text(MARGIN, SIZE, label("quote.number", locale) + ": " + q.number());
            w.right(RIGHT, SIZE, label("quote.createdAt", locale) + ": " + q.createdAt().toString().substring(0, 10));
            w.down(LEADING);
            w.text(MARGIN, SIZE, label("quote.customer", locale) + ": " + nz(q.customerName()));
            if (q.validUntil() != null) {
                w.right(RIGHT, SIZE, label("quote.validUntil", locale) + ": " + q.validUntil());
            }
            w.down(LEADING);
            if (contactName != null) {
                w.text(MARGIN, SIZE, label("quote.contact", locale) + ": " + contactName + (contactEmail == null ? "" : " <" + contactEmail + ">"));
                w.down(LEADING);
            }
            w.text(MARGIN, SIZE, label("quote.owner", locale) + ": " + nz(q.ownerName()));
            w.right(RIGHT, SIZE, label("quote.currency", locale) + ": " + q.currency());
            w.down(LEADING * 1.6f);
            String[] head = {"#", label("quote.line.description", locale), label("quote.line.quantity", locale),
                    label("quote.line.unit", locale), label("quote.line.unitPrice", locale), label("quote.line.discount", locale),
                    label("quote.line.tax", locale), label("quote.line.amount", locale)};
            w.row(head);
            w.rule();
            for (QuoteLineView l : q.lines()) {
                List<String> wrapped = w.wrap(l.description(), COLS[2] - COLS[1] - 6);
                w.row(new String[] {String.valueOf(l.position()), wrapped.get(0), plain(l.quantity()), nz(l.unit()),
                        plain(l.unitPrice()), plain(l.discountPercent()) + "%", plain(l.taxRate()) + "%", l.netAmount().toPlainString()});
                for (String more : wrapped.subList(1, wrapped.size())) {
                    w.text(COLS[1], SIZE, more);
                    w.down(LEADING);
                }
            }
            w.rule();
            w.total(label("quote.subtotal", locale), q.subtotal());
            w.total(label("quote.discount", locale) + " (" + plain(q.discountPercent()) + "%)", q.discountAmount().negate());
            w.total(label("quote.tax", locale), q.taxAmount());
            w.total(label("quote.total", locale) + " " + q.currency(), q.total());
            if (q.terms() != null) {
                w.down(LEADING);
                w.text(MARGIN, SIZE, label("quote.terms", locale) + ":");
                w.down(LEADING);
                for (String para : q.terms().split("\\R")) {
                    for (String line : w.wrap(para, RIGHT - MARGIN)) {
                        w.text(MARGIN, SIZE, line);
                        w.down(LEADING);
                    }
                }
            }
            w.close();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String label(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String plain(BigDecimal b) {
        return QuoteManagement.plain(b).toPlainString();
    }

    /** Writes top to bottom, starting a new page when the current one is full. */
    private static final class Writer {
        private final PDDocument doc;
        private final PDType0Font font;
        private PDPageContentStream page;
        private float y;

        Writer(PDDocument doc, PDType0Font font) throws IOException {
            this.doc = doc;
            this.font = font;
            newPage();
        }

        private void newPage() throws IOException {
            if (page != null) {
                page.close();
            }
            PDPage p = new PDPage(PDRectangle.A4);
            doc.addPage(p);
            page = new PDPageContentStream(doc, p);
            y = PDRectangle.A4.getHeight() - MARGIN;
        }

        void down(float by) throws IOException {
            y -= by;
            if (y < MARGIN) {
                newPage();
            }
        }

        void text(float x, float size, String s) throws IOException {
            page.beginText();
            page.setFont(font, size);
            page.newLineAtOffset(x, y);
            page.showText(safe(s));
            page.endText();
        }

        void right(float x, float size, String s) throws IOException {
            text(x - width(safe(s), size), size, s);
        }

        void row(String[] cells) throws IOException {
            for (int i = 0; i < cells.length; i++) {
                if (i >= 2) {
                    float end = i + 1 < COLS.length ? COLS[i + 1] - 6 : RIGHT;
                    right(end, SIZE, cells[i]);
                } else {
                    text(COLS[i], SIZE, cells[i]);
                }
            }
            down(LEADING);
        }

        void rule() throws IOException {
            page.moveTo(MARGIN, y + LEADING - 10);
            page.lineTo(RIGHT, y + LEADING - 10);
            page.stroke();
            down(4);
        }

        void total(String label, BigDecimal amount) throws IOException {
            right(COLS[6] + 30, SIZE, label);
            right(RIGHT, SIZE, amount.toPlainString());
            down(LEADING);
        }

        /** Breaks text into lines that fit the width; by character, as Chinese has no spaces to break at. */
        List<String> wrap(String s, float width) throws IOException {
            String text = safe(s);
            List<String> lines = new ArrayList<>();
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < text.length(); ) {
                int cp = text.codePointAt(i);
                String ch = new String(Character.toChars(cp));
                if (line.length() > 0 && width(line + ch, SIZE) > width) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                line.append(ch);
                i += Character.charCount(cp);
            }
            lines.add(line.toString());
            return lines;
        }

        private float width(String s, float size) throws IOException {
            return font.getStringWidth(s) / 1000 * size;
        }

        /** Characters the font cannot draw (emoji, control characters) become "?" rather than failing the PDF. */
        private String safe(String s) {
            if (s == null) {
                return "";
            }
            StringBuilder out = new StringBuilder(s.length());
            s.codePoints().forEach(cp -> {
                String ch = new String(Character.toChars(cp));
                if (Character.isISOControl(cp)) {
                    out.append(' ');
                    return;
                }
                try {
                    font.encode(ch);
                    out.append(ch);
                } catch (IOException | IllegalArgumentException e) {
                    out.append('?');
                }
            });
            return out.toString();
        }

        void close() throws IOException {
            page.close();
        }
    }
}
