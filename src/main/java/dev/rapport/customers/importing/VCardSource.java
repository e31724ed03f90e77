package dev.rapport.customers.importing;

import ezvcard.VCard;
import ezvcard.io.text.VCardReader;
import ezvcard.property.Birthday;
import ezvcard.property.Email;
import ezvcard.property.FormattedName;
import ezvcard.property.Note;
import ezvcard.property.StructuredName;
import ezvcard.property.Telephone;
import ezvcard.property.Title;
import java.io.IOException;
import java.time.LocalDate;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.List;

/**
 * vCard files (2.1, 3.0, 4.0, any number of cards), read card by card with ez-vcard. Each card
 * becomes a row under fixed headers that the automatic mapping knows, so a vCard import is
 * validated and reported like a CSV one. The "line" of a card is its position in the file.
 */
class VCardSource implements RowSource {

    /**
     * ORG is not mapped to the company by default: address books name companies loosely ("IBM",
     * "IBM Corp."), and an unknown company would reject the card. The user can map it in the preview.
     */
    static final String ORGANIZATION = "vCard ORG";

    static final List<String> HEADERS = List.of("name", "firstName", "lastName", ORGANIZATION, "title", "phone", "email",
            "birthday", "notes", "externalId");

    private final VCardReader reader;
    private final RowSources.Counting counting;
    private final long length;
    private long count;

    VCardSource(FileContent file) throws IOException {
        length = file.size();
        counting = new RowSources.Counting(file.open());
        // a lenient decoder: real exports hold stray bytes (Shift_JIS names, broken quoted-printable)
        // and one bad byte must not make the whole file unreadable
        reader = new VCardReader(new java.io.InputStreamReader(counting, java.nio.charset.StandardCharsets.UTF_8));
    }

    @Override
    public long position() {
        return Math.min(counting.count(), length);
    }

    @Override
    public long length() {
        return length;
    }

    @Override
    public List<String> headers() {
        return HEADERS;
    }

    @Override
    public SourceRow next() throws IOException {
        VCard card = reader.readNext();
        if (card == null) {
            return null;
        }
        count++;
        List<String> values = new ArrayList<>(HEADERS.size());
        FormattedName fn = card.getFormattedName();
        StructuredName n = card.getStructuredName();
        values.add(fn == null ? null : fn.getValue());
        values.add(n == null ? null : n.getGiven());
        values.add(n == null ? null : n.getFamily());
        values.add(card.getOrganization() == null || card.getOrganization().getValues().isEmpty() ? null
                : card.getOrganization().getValues().get(0));
        values.add(card.getTitles().stream().map(Title::getValue).findFirst().orElse(null));
        values.add(card.getTelephoneNumbers().stream().map(VCardSource::phone).filter(p -> p != null && !p.isBlank())
                .findFirst().orElse(null));
        values.add(card.getEmails().stream().map(Email::getValue).filter(e -> e != null && !e.isBlank()).findFirst().orElse(null));
        values.add(birthday(card.getBirthday()));
        values.add(card.getNotes().stream().map(Note::getValue).filter(v -> v != null && !v.isBlank()).findFirst().orElse(null));
        values.add(card.getUid() == null ? null : card.getUid().getValue());
        String raw = String.join(" | ", values.stream().map(v -> v == null ? "" : v).toList());
        return new SourceRow(count, values, raw);
    }

    private static String phone(Telephone t) {
        if (t.getText() != null) {
            return t.getText();
        }
        return t.getUri() == null ? null : t.getUri().getNumber();
    }

    /** A birthday without a year (--0203) cannot be stored as a date, so it is left out rather than guessed. */
    private static String birthday(Birthday b) {
        if (b == null) {
            return null;
        }
        if (b.getDate() != null) {
            TemporalAccessor t = b.getDate();
            if (t.isSupported(ChronoField.YEAR) && t.isSupported(ChronoField.MONTH_OF_YEAR) && t.isSupported(ChronoField.DAY_OF_MONTH)) {
                return LocalDate.of(t.get(ChronoField.YEAR), t.get(ChronoField.MONTH_OF_YEAR), t.get(ChronoField.DAY_OF_MONTH)).toString();
            }
            return null;
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
