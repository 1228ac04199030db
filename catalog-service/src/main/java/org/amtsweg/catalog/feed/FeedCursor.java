package org.amtsweg.catalog.feed;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A position in the change feed as consumers hold it: opaque (base64url of {@code c1:<position>}), so that the feed may
 * change how it counts without breaking them; {@code c1} is the format's version.
 */
public final class FeedCursor {

    private static final String PREFIX = "c1:";
    private static final Pattern POSITION = Pattern.compile("0|[1-9][0-9]{0,17}");
    private static final Pattern TEXT = Pattern.compile("[A-Za-z0-9_-]{1,40}");

    private FeedCursor() {}

    public static String of(long position) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((PREFIX + position).getBytes(StandardCharsets.US_ASCII));
    }

    /** The position of a cursor this feed issued; empty for anything else. */
    public static Optional<Long> position(String cursor) {
        if (cursor == null || !TEXT.matcher(cursor).matches()) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        if (!decoded.startsWith(PREFIX)
                || !POSITION.matcher(decoded.substring(PREFIX.length())).matches()) {
            return Optional.empty();
        }
        // The canonical encoding only: two spellings of one position would be two cache keys of one page.
        long position = Long.parseLong(decoded.substring(PREFIX.length()));
        return of(position).equals(cursor) ? Optional.of(position) : Optional.empty();
    }
}
