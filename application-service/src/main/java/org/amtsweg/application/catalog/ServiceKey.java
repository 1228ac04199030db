package org.amtsweg.application.catalog;

import java.util.regex.Pattern;

/**
 * The key of a service in the catalogue (Leistungsschlüssel), a slug such as {@code wohngeld} or
 * {@code kfz-zulassung}. Whatever else a request names is no service: it is refused where it arrives
 * and never put into a request to the catalogue, whose path it would become.
 */
public final class ServiceKey {

    public static final int MAX_LENGTH = 64;
    private static final Pattern SLUG = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*$");

    private ServiceKey() {}

    public static boolean isWellFormed(String key) {
        return key != null && key.length() <= MAX_LENGTH && SLUG.matcher(key).matches();
    }
}
