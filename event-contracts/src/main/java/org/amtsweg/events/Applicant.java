package org.amtsweg.events;

import java.time.LocalDate;

/**
 * The applicant as the identity gateway vouched for them (once-only: nobody types this again).
 *
 * @param subject      the stable pseudonymous {@code sub} of the citizen
 * @param trustLevel   the eIDAS level of assurance of the login: {@code low}, {@code substantial}, {@code high}
 * @param municipality the 8-digit AGS of the applicant's address
 */
public record Applicant(
        String subject,
        String givenName,
        String familyName,
        LocalDate birthdate,
        PostalAddress address,
        String municipality,
        String trustLevel) {}
