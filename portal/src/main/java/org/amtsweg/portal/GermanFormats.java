package org.amtsweg.portal;

import io.quarkus.qute.TemplateExtension;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Dates and times of the APIs (ISO 8601, UTC) as a German reader expects them, in the authorities' time zone. */
@TemplateExtension
public final class GermanFormats {

    private static final ZoneId AUTHORITIES = ZoneId.of("Europe/Berlin");
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("dd.MM.uuuu, HH:mm 'Uhr'");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.uuuu");

    private GermanFormats() {}

    /** {@code {t.at.zeit}}: 2026-12-02T01:46:36Z → 02.12.2026, 02:46 Uhr. */
    static String zeit(String iso) {
        try {
            return OffsetDateTime.parse(iso).atZoneSameInstant(AUTHORITIES).format(MOMENT);
        } catch (DateTimeParseException notAMoment) {
            return iso;
        }
    }

    /** {@code {m.dueDate.datum}}: 2026-12-31 → 31.12.2026. */
    static String datum(String iso) {
        try {
            return LocalDate.parse(iso).format(DAY);
        } catch (DateTimeParseException notADay) {
            return iso;
        }
    }
}
