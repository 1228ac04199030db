package org.amtsweg.application.catalog;

import java.util.regex.Pattern;

/** The Amtlicher Gemeindeschlüssel of a municipality: exactly eight digits, e.g. {@code 05914000} (Hagen). */
public final class Ags {

    private static final Pattern EIGHT_DIGITS = Pattern.compile("^[0-9]{8}$");

    private Ags() {}

    public static boolean isWellFormed(String ags) {
        return ags != null && EIGHT_DIGITS.matcher(ags).matches();
    }
}
