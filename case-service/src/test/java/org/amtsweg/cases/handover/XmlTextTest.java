package org.amtsweg.cases.handover;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which characters the XML export replaces, and which it keeps. */
class XmlTextTest {

    @Test
    void eachForbiddenCharIsReplacedOnceAndCounted() {
        int[] count = {0};
        assertThat(XmlText.replaceForbidden("a\u0001b\u000Bc\uFFFE\uFFFFd\u0000", count))
                .isEqualTo("a\uFFFDb\uFFFDc\uFFFD\uFFFDd\uFFFD");
        assertThat(count[0]).isEqualTo(5);
    }

    @Test
    void loneSurrogatesAreReplacedAndPairsKept() {
        int[] count = {0};
        String dog = "\uD83D\uDC36";
        assertThat(XmlText.replaceForbidden("\uD800x" + dog + "\uDC00" + dog + "\uD83D", count))
                .isEqualTo("\uFFFDx" + dog + "\uFFFD" + dog + "\uFFFD");
        assertThat(count[0]).isEqualTo(3);
    }

    @Test
    void acceptableTextIsReturnedAsItIs() {
        int[] count = {0};
        String text = "Straße\t11\r\nHagen \uE000\uFFFD \uD83D\uDC36";
        assertThat(XmlText.replaceForbidden(text, count)).isSameAs(text);
        assertThat(count[0]).isZero();
    }
}
