package org.amtsweg.application.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class IbanFormatTest {

    /** Published examples (Deutsche Bundesbank, ECBS), as printed: groups of four. */
    private static final List<String> VALID = List.of(
            "DE89 3704 0044 0532 0130 00",
            "DE02 1203 0000 0000 2020 51",
            "DE44 5001 0517 5407 3249 31",
            "AT61 1904 3002 3457 3201",
            "CH93 0076 2011 6238 5295 7",
            "NL91 ABNA 0417 1643 00",
            "FR14 2004 1010 0505 0001 3M02 606",
            "GB82 WEST 1234 5698 7654 32");

    private final IbanFormat format = new IbanFormat();

    private boolean accepted(String iban) {
        return format.matches(null, iban);
    }

    @Test
    void theFormsFormatIsCalledIban() {
        assertThat(format.getName()).isEqualTo("iban");
    }

    @Test
    void publishedIbansAreAcceptedAsPrintedAsTypedAndInLowerCase() {
        for (String iban : VALID) {
            assertThat(accepted(iban)).as(iban).isTrue();
            assertThat(accepted(iban.replace(" ", ""))).as(iban).isTrue();
            assertThat(accepted(iban.toLowerCase(Locale.ROOT))).as(iban).isTrue();
        }
    }

    @Test
    void theFormsHelpExampleWithItsLastDigitChangedIsRefused() {
        assertThat(accepted("DE02 1203 0000 0000 2020 52")).isFalse();
    }

    @Test
    void whatIsNoIbanIsRefused() {
        assertThat(accepted("")).isFalse();
        assertThat(accepted("    ")).isFalse();
        assertThat(accepted("DE89")).isFalse();
        assertThat(accepted("3704 0044 0532 0130 00")).isFalse();
        // The right check digits for a German account, but one digit short or long: Germany's IBAN has 22 characters.
        assertThat(accepted("DE89 3704 0044 0532 0130 0")).isFalse();
        assertThat(accepted("DE89 3704 0044 0532 0130 000")).isFalse();
        // No country uses the code XX.
        assertThat(accepted("XX89 3704 0044 0532 0130 00")).isFalse();
        // Letters where Germany has digits.
        assertThat(accepted("DE89 3704 0044 0532 013O 00")).isFalse();
        assertThat(accepted("DE89-3704-0044-0532-0130-00")).isFalse();
    }

    @Property
    void spacesAnywhereAreIgnored(
            @ForAll("valid") String iban,
            @ForAll @IntRange(max = 40) int at,
            @ForAll @IntRange(min = 1, max = 3) int spaces) {
        String compact = iban.replace(" ", "");
        int index = at % (compact.length() + 1);
        assertThat(accepted(compact.substring(0, index) + " ".repeat(spaces) + compact.substring(index)))
                .isTrue();
    }

    /** MOD 97-10 catches every single wrong digit: what a citizen mistypes most often. */
    @Property
    void anIbanWithOneDigitChangedIsRefused(
            @ForAll("valid") String iban,
            @ForAll @IntRange(max = 40) int at,
            @ForAll @IntRange(min = 1, max = 9) int shift) {
        String compact = iban.replace(" ", "");
        List<Integer> digits = digitPositions(compact);
        int position = digits.get(at % digits.size());
        char changed = (char) ('0' + (compact.charAt(position) - '0' + shift) % 10);
        assertThat(accepted(compact.substring(0, position) + changed + compact.substring(position + 1)))
                .isFalse();
    }

    @Property
    void anIbanWithTwoNeighbouringDigitsSwappedIsRefused(
            @ForAll("valid") String iban, @ForAll @IntRange(max = 40) int at) {
        String compact = iban.replace(" ", "");
        // Positions within the account part (after country and check digits) whose right neighbour differs.
        List<Integer> swappable = digitPositions(compact).stream()
                .filter(position -> position >= 4 && position + 1 < compact.length())
                .filter(position -> Character.isDigit(compact.charAt(position + 1)))
                .filter(position -> compact.charAt(position) != compact.charAt(position + 1))
                .toList();
        int position = swappable.get(at % swappable.size());
        String swapped = compact.substring(0, position)
                + compact.charAt(position + 1)
                + compact.charAt(position)
                + compact.substring(position + 2);
        assertThat(accepted(swapped)).isFalse();
    }

    /**
     * Any German bank code and account number with the right check digits is accepted. The check digits
     * come from ISO 13616's formula (98 minus the number BBAN + "DE00" mod 97), one BigInteger expression;
     * Commons Validator computes them piecewise.
     */
    @Property
    void anyGermanAccountWithItsCheckDigitsIsAccepted(
            @ForAll @NumericChars @StringLength(8) String bankCode,
            @ForAll @NumericChars @StringLength(10) String account) {
        String bban = bankCode + account;
        int check =
                98 - new BigInteger(bban + "131400").mod(BigInteger.valueOf(97)).intValue();
        String iban = "DE%02d%s".formatted(check, bban);
        assertThat(accepted(iban)).as(iban).isTrue();
    }

    @Provide
    Arbitrary<String> valid() {
        return Arbitraries.of(VALID);
    }

    private static List<Integer> digitPositions(String iban) {
        return IntStream.range(0, iban.length())
                .filter(i -> Character.isDigit(iban.charAt(i)))
                .boxed()
                .toList();
    }
}
