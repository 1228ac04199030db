package org.amtsweg.usage;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Optional;

/**
 * A calendar month as the authorities account for it: in German local time (Europe/Berlin), so that an
 * application sent at 00:30 on 1 January counts for January although it is still December in UTC.
 */
public record BillingMonth(YearMonth month) {

    public static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("uuuu-MM").withResolverStyle(ResolverStyle.STRICT);

    /** The month an instant falls in, German time. */
    public static BillingMonth of(Instant at) {
        return new BillingMonth(YearMonth.from(at.atZone(ZONE)));
    }

    /** {@code 2026-12}; empty for anything else (the year from 2000 to 9999). */
    public static Optional<BillingMonth> parse(String text) {
        if (text == null || !text.matches("[0-9]{4}-[0-9]{2}")) {
            return Optional.empty();
        }
        try {
            YearMonth month = YearMonth.parse(text, FORMAT);
            return month.getYear() < 2000 ? Optional.empty() : Optional.of(new BillingMonth(month));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** The first day, as the figures are stored. */
    public LocalDate firstDay() {
        return month.atDay(1);
    }

    public Instant start() {
        return firstDay().atStartOfDay(ZONE).toInstant();
    }

    /** The first instant after the month. */
    public Instant end() {
        return month.plusMonths(1).atDay(1).atStartOfDay(ZONE).toInstant();
    }

    @Override
    public String toString() {
        return month.format(FORMAT);
    }
}
