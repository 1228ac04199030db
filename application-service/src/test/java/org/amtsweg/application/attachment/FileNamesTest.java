package org.amtsweg.application.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class FileNamesTest {

    @Test
    void anOrdinaryNameStaysAsItIs() {
        assertThat(FileNames.sanitise("Mietbescheinigung 2026.pdf")).isEqualTo("Mietbescheinigung 2026.pdf");
        assertThat(FileNames.sanitise("Lohnabrechnung_März (Kopie)-2.jpeg"))
                .isEqualTo("Lohnabrechnung_März (Kopie)-2.jpeg");
        assertThat(FileNames.sanitise("Bescheid Wohngeld – Ärger.pdf")).isEqualTo("Bescheid Wohngeld _ Ärger.pdf");
        assertThat(FileNames.sanitise("Grundriss 62,5 m².pdf")).isEqualTo("Grundriss 62_5 m².pdf");
    }

    @Test
    void directoriesAreDropped() {
        assertThat(FileNames.sanitise("../../etc/miet<bescheinigung>.pdf")).isEqualTo("miet_bescheinigung_.pdf");
        assertThat(FileNames.sanitise("C:\\Users\\Erika\\Dokumente\\Mietvertrag.pdf"))
                .isEqualTo("Mietvertrag.pdf");
        assertThat(FileNames.sanitise("/home/erika/scan.png")).isEqualTo("scan.png");
    }

    @Test
    void controlAndMarkupCharactersBecomeUnderscores() {
        assertThat(FileNames.sanitise("Miete\u0000\n.pdf")).isEqualTo("Miete__.pdf");
        // A right-to-left override would display "invoice\u202Efdp.exe" as "invoiceexe.pdf".
        assertThat(FileNames.sanitise("invoice\u202Efdp.exe")).isEqualTo("invoice_fdp.exe");
        // The "/" of "</script>" is a path separator too.
        assertThat(FileNames.sanitise("<script>alert(1)</script>.pdf")).isEqualTo("script_.pdf");
        assertThat(FileNames.sanitise("<b>Miete</b>.pdf")).isEqualTo("b_.pdf");
        assertThat(FileNames.sanitise("Miete <Juni>.pdf")).isEqualTo("Miete _Juni_.pdf");
        assertThat(FileNames.sanitise("a\"b'c;d&e.pdf")).isEqualTo("a_b_c_d_e.pdf");
    }

    @Test
    void hiddenAndEmptyNamesGetAName() {
        assertThat(FileNames.sanitise(null)).isEqualTo("dokument");
        assertThat(FileNames.sanitise("")).isEqualTo("dokument");
        assertThat(FileNames.sanitise("..")).isEqualTo("dokument");
        assertThat(FileNames.sanitise("   ")).isEqualTo("dokument");
        assertThat(FileNames.sanitise("uploads/")).isEqualTo("dokument");
        assertThat(FileNames.sanitise(".htaccess")).isEqualTo("htaccess");
        assertThat(FileNames.sanitise(" . .bashrc")).isEqualTo("bashrc");
    }

    @Test
    void decomposedUmlautsAreComposed() {
        // macOS hands out "a" + combining diaeresis; the stored name has the one character "ä".
        assertThat(FileNames.sanitise("Ma\u0308rz.pdf")).isEqualTo("März.pdf");
    }

    @Test
    void anOverlongNameKeepsItsExtension() {
        String name = FileNames.sanitise("Einkommensnachweis ".repeat(20) + ".pdf");
        assertThat(name).hasSize(120).endsWith(".pdf").startsWith("Einkommensnachweis Einkommensnachweis");
        assertThat(FileNames.sanitise("x".repeat(200))).isEqualTo("x".repeat(120));
        // Not an extension: longer than ten characters.
        assertThat(FileNames.sanitise("x".repeat(130) + ".abcdefghijk")).isEqualTo("x".repeat(120));
    }

    @Test
    void anOverlongNameIsNotCutInsideACharacter() {
        // 𝔐 (U+1D510) takes two UTF-16 units: the cut at 116 units would fall inside the 58th.
        String name = FileNames.sanitise("a" + "\uD835\uDD10".repeat(100) + ".pdf");
        assertThat(name).isEqualTo("a" + "\uD835\uDD10".repeat(57) + ".pdf");
    }

    @Test
    void anOverlongNameDoesNotEndInASpace() {
        assertThat(FileNames.sanitise("x".repeat(119) + " " + "y".repeat(20))).isEqualTo("x".repeat(119));
    }

    @Property
    void everyNameComesOutSafe(@ForAll("names") String original) {
        String name = FileNames.sanitise(original);
        assertThat(name)
                .isNotEmpty()
                .hasSizeLessThanOrEqualTo(120)
                .doesNotContain("/", "\\", "<", ">", "\"", "'", "&", ":")
                .doesNotStartWith(".")
                .doesNotStartWith(" ")
                .doesNotEndWith(" ");
        assertThat(name.codePoints())
                .allMatch(c -> Character.isLetter(c) || isNumber(c) || " ._()-".indexOf(c) >= 0)
                .noneMatch(Character::isISOControl)
                .noneMatch(FileNamesTest::isSurrogate);
        assertThat(Normalizer.isNormalized(name, Normalizer.Form.NFC)).isTrue();
    }

    /** A name that comes out of it stays what it is: a download saved and uploaded again keeps its name. */
    @Property
    void aSafeNameStaysAsItIs(@ForAll("names") String original) {
        String name = FileNames.sanitise(original);
        assertThat(FileNames.sanitise(name)).isEqualTo(name);
    }

    @Property
    void aNameOfLettersAndDigitsKeepsEveryCharacter(
            @ForAll("plainNames") String stem, @ForAll("extensions") String extension) {
        assertThat(FileNames.sanitise(stem + extension)).isEqualTo(stem + extension);
    }

    @Property
    void onlyTheLastPathSegmentCounts(
            @ForAll("names") String directory,
            @ForAll("plainNames") String file,
            @ForAll @IntRange(max = 1) int separator) {
        assertThat(FileNames.sanitise(directory + "/\\".charAt(separator) + file))
                .isEqualTo(file);
    }

    @Provide
    Arbitrary<String> names() {
        Arbitrary<String> hostile = Arbitraries.of(
                        "/", "\\", ".", " ", "\u0000", "\n", "\t", "\u202E", "<", "\"", ":", "ä", "a\u0308", "ß",
                        "\u0308", "\uD835", "\uDD10", "𝔐", "😀", "名", "x", "7", "_", "(", "-", ".pdf")
                .list()
                .ofMaxSize(150)
                .map(parts -> String.join("", parts));
        return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(300), hostile);
    }

    @Provide
    Arbitrary<String> plainNames() {
        return Arbitraries.strings()
                .withCharRange('a', 'z')
                .withCharRange('A', 'Z')
                .withCharRange('0', '9')
                .withChars("äöüÄÖÜß")
                .ofMinLength(1)
                .ofMaxLength(60);
    }

    @Provide
    Arbitrary<String> extensions() {
        return Arbitraries.of("", ".pdf", ".PDF", ".jpeg", ".png", ".tar.gz");
    }

    private static boolean isSurrogate(int codePoint) {
        return codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE;
    }

    /** Any number, as in "m²" or "Ⅻ", not only decimal digits. */
    private static boolean isNumber(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.DECIMAL_DIGIT_NUMBER
                || type == Character.LETTER_NUMBER
                || type == Character.OTHER_NUMBER;
    }
}
