package org.amtsweg.identity.citizen;

import java.time.LocalDate;
import java.util.List;
import org.amtsweg.identity.assurance.LoginMethod;

/**
 * A person of the eID simulator's test card set: the data an Online-Ausweis would deliver.
 *
 * @param id      the test card's name, used to pick it on the login page
 * @param pin     the simulated card PIN
 * @param methods the login methods this person has (eID card, ELSTER certificate, password)
 */
public record TestIdentity(
        String id,
        String pin,
        String givenName,
        String familyName,
        LocalDate birthdate,
        String placeOfBirth,
        String nationality,
        Address address,
        String municipality,
        List<String> methods) {

    /** The OIDC address claim. */
    public record Address(String streetAddress, String postalCode, String locality, String country) {}

    public boolean offers(LoginMethod method) {
        return methods.contains(method.code());
    }
}
