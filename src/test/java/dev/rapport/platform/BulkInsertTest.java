package dev.rapport.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class BulkInsertTest {

    static String copyText(Object... values) {
        BulkInsert.CopyText text = new BulkInsert.CopyText();
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                text.separator('\t');
            }
            text.value(values[i]);
        }
        return new String(text.bytes, 0, text.length, StandardCharsets.UTF_8);
    }

    @Test
    void writesCopyTextAsPostgresReadsIt() {
        assertThat(copyText(null, true, false, 42L, Instant.parse("2026-11-22T08:00:00Z"), LocalDate.of(1815, 12, 10)))
                .isEqualTo("\\N\tt\tf\t42\t2026-11-22T08:00:00Z\t1815-12-10");
    }

    @Test
    void escapesTheCharactersThatEndAFieldOrARow() {
        assertThat(copyText("a\tb\nc\rd\\e")).isEqualTo("a\\tb\\nc\\rd\\\\e");
    }

    @Test
    void encodesChineseTextAndCharactersOutsideTheBasicPlaneInUtf8() {
        String text = "北京星河科技 Zoë 😀 ok";
        assertThat(copyText(text)).isEqualTo(text);
        BulkInsert.CopyText out = new BulkInsert.CopyText();
        out.value(text);
        assertThat(java.util.Arrays.copyOf(out.bytes, out.length)).isEqualTo(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void growsForValuesLongerThanItsBuffer() {
        String big = "长".repeat(100_000);
        assertThat(copyText(big, 1L)).isEqualTo(big + "\t1");
    }
}
