package dev.rapport.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class TimeZonesTest {

    @Test
    void acceptsIanaNamesOnly() {
        assertThat(TimeZones.parse("Asia/Shanghai")).contains(ZoneId.of("Asia/Shanghai"));
        assertThat(TimeZones.parse(" Europe/Berlin ")).contains(ZoneId.of("Europe/Berlin"));
        assertThat(TimeZones.parse("UTC")).contains(ZoneId.of("UTC"));
        assertThat(TimeZones.parse("+08:00")).isEmpty();
        assertThat(TimeZones.parse("Mars/Olympus")).isEmpty();
        assertThat(TimeZones.parse("asia/shanghai")).isEmpty();
        assertThat(TimeZones.parse("")).isEmpty();
        assertThat(TimeZones.parse(null)).isEmpty();
    }

    @Test
    void thePickerOffersRegionsNotLegacyAliases() {
        assertThat(TimeZones.ids()).contains("Asia/Shanghai", "Europe/Berlin", "America/New_York", "UTC")
                .doesNotContain("PRC", "EST5EDT", "Etc/GMT+8").isSorted();
    }
}
