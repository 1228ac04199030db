package org.amtsweg.cases.registry;

import java.time.LocalDate;

/** What a register is asked: does this person, born on this day, live at this address? */
public record RegisterQuery(
        String givenName,
        String familyName,
        LocalDate birthdate,
        String streetAddress,
        String postalCode,
        String locality) {}
