package org.amtsweg.identity.staff;

import java.util.Locale;
import java.util.Optional;

/**
 * What a staff password must be (in the spirit of BSI IT-Grundschutz ORP.4): at least 12 characters, three of
 * the four kinds (lower case, upper case, digits, other), not containing the user name. At most 128
 * characters, since bcrypt reads only the first 72 bytes anyway and a longer value is rather a mistake.
 */
public final class PasswordRules {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 128;

    /** A broken rule, in German (for the activation page) and English (for API callers). */
    public record Broken(String german, String english) {}

    private PasswordRules() {}

    public static Optional<Broken> check(String userName, String password) {
        if (password == null || password.length() < MIN_LENGTH) {
            return Optional.of(new Broken(
                    "Das Passwort muss mindestens " + MIN_LENGTH + " Zeichen lang sein.",
                    "the password must have at least " + MIN_LENGTH + " characters"));
        }
        if (password.length() > MAX_LENGTH) {
            return Optional.of(new Broken(
                    "Das Passwort darf höchstens " + MAX_LENGTH + " Zeichen lang sein.",
                    "the password must have at most " + MAX_LENGTH + " characters"));
        }
        int kinds = (password.chars().anyMatch(Character::isLowerCase) ? 1 : 0)
                + (password.chars().anyMatch(Character::isUpperCase) ? 1 : 0)
                + (password.chars().anyMatch(Character::isDigit) ? 1 : 0)
                + (password.chars().anyMatch(c -> !Character.isLetterOrDigit(c)) ? 1 : 0);
        if (kinds < 3) {
            return Optional.of(
                    new Broken(
                            "Das Passwort muss drei der vier Zeichenarten enthalten: Kleinbuchstaben, Großbuchstaben, Ziffern, Sonderzeichen.",
                            "the password must contain three of: lower case letters, upper case letters, digits, other characters"));
        }
        if (userName != null && password.toLowerCase(Locale.ROOT).contains(userName.toLowerCase(Locale.ROOT))) {
            return Optional.of(new Broken(
                    "Das Passwort darf den Benutzernamen nicht enthalten.",
                    "the password must not contain the user name"));
        }
        return Optional.empty();
    }
}
