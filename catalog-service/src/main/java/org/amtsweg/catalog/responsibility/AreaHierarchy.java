package org.amtsweg.catalog.responsibility;

import java.util.List;

/**
 * The areas a municipality lies in, most specific first: the municipality itself (8-digit AGS), its
 * state (the AGS's first two digits) and the federation ({@code DE}). A responsibility for a more
 * specific area wins over one for a wider area.
 */
public final class AreaHierarchy {

    private AreaHierarchy() {}

    public static boolean isAgs(String value) {
        return value != null && value.matches("[0-9]{8}");
    }

    /** The areas containing {@code ags}, most specific first. */
    public static List<String> containing(String ags) {
        if (!isAgs(ags)) {
            throw new IllegalArgumentException("not an 8-digit AGS: " + ags);
        }
        return List.of(ags, ags.substring(0, 2), "DE");
    }
}
