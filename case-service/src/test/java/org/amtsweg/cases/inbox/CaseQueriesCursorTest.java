package org.amtsweg.cases.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * The inbox's keyset cursor ({@code after}): the position after which the next page starts. The clerk's
 * client only hands it back; whatever else arrives as {@code after} must fail with a RuntimeException,
 * which {@link CaseResource} answers with 400 {@code invalid-parameter}.
 */
class CaseQueriesCursorTest {

    private static final UUID CASE = UUID.fromString("3f2b8c1e-5d4a-4e7b-9c0d-1a2b3c4d5e6f");

    @Test
    void aCursorNamesTheCaseItFollows() {
        CaseQueries.Cursor cursor = new CaseQueries.Cursor(OffsetDateTime.parse("2026-03-02T08:15:30.123456Z"), CASE);
        assertThat(CaseQueries.Cursor.decode(cursor.encode())).isEqualTo(cursor);
    }

    @Property
    void aCursorRoundTripsForAnyPosition(@ForAll("positions") OffsetDateTime openedAt, @ForAll("ids") UUID id) {
        CaseQueries.Cursor cursor = new CaseQueries.Cursor(openedAt, id);
        assertThat(CaseQueries.Cursor.decode(cursor.encode())).isEqualTo(cursor);
    }

    @Property
    void aCursorNeedsNoEscapingInAQueryString(@ForAll("positions") OffsetDateTime openedAt, @ForAll("ids") UUID id) {
        assertThat(new CaseQueries.Cursor(openedAt, id).encode()).matches("[A-Za-z0-9_-]+");
    }

    @Test
    void garbageIsRefused() {
        for (String after : new String[] {
            "",
            "garbage!!",
            "a b",
            "%2F",
            "====",
            encoded("nicht|ein|cursor"),
            encoded("2026-12-01T00:00:00Z|no-uuid"),
            encoded("2026-12-01T00:00:00Z"),
            encoded("2026-12-01T00:00:00Z|"),
            encoded("|" + CASE),
            encoded("gestern|" + CASE),
            // No offset, an impossible day, the parts swapped.
            encoded("2026-12-01T00:00:00|" + CASE),
            encoded("2026-02-30T00:00:00Z|" + CASE),
            encoded(CASE + "|2026-12-01T00:00:00Z")
        }) {
            assertThatThrownBy(() -> CaseQueries.Cursor.decode(after)).as(after).isInstanceOf(RuntimeException.class);
        }
    }

    @Test
    void aCursorCutShortIsRefused() {
        String cursor = new CaseQueries.Cursor(OffsetDateTime.parse("2026-03-02T08:15:30Z"), CASE).encode();
        // Cut inside the id: the UUID misses its last group's digits.
        assertThatThrownBy(() -> CaseQueries.Cursor.decode(cursor.substring(0, cursor.length() - 20)))
                .isInstanceOf(RuntimeException.class);
        // Cut into the time: no separator and no id left.
        assertThatThrownBy(() -> CaseQueries.Cursor.decode(cursor.substring(0, 12)))
                .isInstanceOf(RuntimeException.class);
    }

    /** Whatever arrives: a RuntimeException (400 for the client) or a complete position, never half a cursor. */
    @Property
    void anyTextIsRefusedOrAPosition(@ForAll String after) {
        decodesOrIsRefused(after);
    }

    @Property
    void aTamperedCursorIsRefusedOrAPosition(
            @ForAll("positions") OffsetDateTime openedAt,
            @ForAll("ids") UUID id,
            @ForAll @IntRange(max = 200) int at,
            @ForAll char replacement) {
        String cursor = new CaseQueries.Cursor(openedAt, id).encode();
        int index = at % cursor.length();
        decodesOrIsRefused(cursor.substring(0, index) + replacement + cursor.substring(index + 1));
    }

    private static void decodesOrIsRefused(String after) {
        CaseQueries.Cursor cursor;
        try {
            cursor = CaseQueries.Cursor.decode(after);
        } catch (RuntimeException refused) {
            return;
        }
        assertThat(cursor.openedAt()).isNotNull();
        assertThat(cursor.id()).isNotNull();
    }

    @Provide
    Arbitrary<OffsetDateTime> positions() {
        // From the Roman empire to well past Y10K, to nanoseconds, in every offset Java knows (±18:00, to the second).
        Arbitrary<Instant> instants = Combinators.combine(
                        Arbitraries.longs().between(-60_000_000_000L, 300_000_000_000L),
                        Arbitraries.integers().between(0, 999_999_999))
                .as(Instant::ofEpochSecond);
        Arbitrary<ZoneOffset> offsets =
                Arbitraries.integers().between(-18 * 3600, 18 * 3600).map(ZoneOffset::ofTotalSeconds);
        Arbitrary<OffsetDateTime> any = Combinators.combine(instants, offsets).as(OffsetDateTime::ofInstant);
        // What PostgreSQL hands back: microseconds, UTC, whole seconds often (where toString drops fields).
        Arbitrary<OffsetDateTime> stored = Arbitraries.longs()
                .between(0, 4_102_444_800L)
                .map(second -> OffsetDateTime.ofInstant(Instant.ofEpochSecond(second), ZoneOffset.UTC));
        return Arbitraries.oneOf(any, stored);
    }

    @Provide
    Arbitrary<UUID> ids() {
        return Combinators.combine(Arbitraries.longs(), Arbitraries.longs()).as(UUID::new);
    }

    private static String encoded(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
