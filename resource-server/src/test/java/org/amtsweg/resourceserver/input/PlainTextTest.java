package org.amtsweg.resourceserver.input;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import org.junit.jupiter.api.Test;

class PlainTextTest {

    @Test
    void acceptsWhatPeopleWrite() {
        assertThat(PlainText.isAcceptable("Rathausstraße 11\n58095 Hagen\tÄÖÜ € „Zitat“"))
                .isTrue();
        assertThat(PlainText.isAcceptable("Emoji 👩‍⚕️ und 𝔘𝔫𝔦𝔠𝔬𝔡𝔢")).isTrue();
        assertThat(PlainText.isAcceptable("")).isTrue();
    }

    @Test
    void refusesWhatTheDatabaseOrTheXmlExportCannotCarry() {
        assertThat(PlainText.firstForbidden("ab\u0000c")).isEqualTo(2);
        assertThat(PlainText.firstForbidden("\u0001")).isZero();
        assertThat(PlainText.firstForbidden("x\u000B")).isEqualTo(1);
        assertThat(PlainText.firstForbidden("\uFFFE")).isZero();
        assertThat(PlainText.firstForbidden("\uFFFF")).isZero();
        assertThat(PlainText.describeForbidden("ok\u001F")).isEqualTo("U+001F");
    }

    @Test
    void refusesLoneSurrogatesInEitherOrder() {
        assertThat(PlainText.firstForbidden("a\uD800")).isEqualTo(1);
        assertThat(PlainText.firstForbidden("a\uD800b")).isEqualTo(1);
        assertThat(PlainText.firstForbidden("\uDC00\uD800")).isZero();
        assertThat(PlainText.firstForbidden("\uD83D\uDE00")).isEqualTo(-1);
    }

    @Property
    void agreesWithTheXmlCharProduction(@ForAll @CharRange(from = 0, to = 0xFFFF) char c) {
        boolean xmlChar =
                c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
        assertThat(PlainText.isAcceptable(String.valueOf(c))).isEqualTo(xmlChar);
    }

    @Property
    void everyValidCodePointIsAcceptedInsideText(@ForAll String prefix, @ForAll int seed) {
        int codePoint = 0x10000 + Math.floorMod(seed, 0x100000);
        String text = new StringBuilder().appendCodePoint(codePoint).toString();
        assertThat(PlainText.isAcceptable("Hagen " + text + " Dortmund")).isTrue();
    }
}
