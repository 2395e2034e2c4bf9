package no.tilfrisk.person;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Example;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class NationalIdNumberTest {

    @Example
    void knownValidNumbers() {
        // check digits computed by hand: 0·3+1·7+0·6+1·1+0·8+0·9+1·4+2·5+3·2 = 28, 11 - 28 mod 11 = 5; and so on
        assertThat(NationalIdNumber.isValid("01010012356")).isTrue();
        assertThat(NationalIdNumber.isValid("010100 123 56")).isTrue();
        assertThat(NationalIdNumber.isValid("41010012420")).as("D-number: day + 40").isTrue();
    }

    @Example
    void knownInvalidNumbers() {
        assertThat(NationalIdNumber.isValid("01010012357")).as("wrong second check digit").isFalse();
        assertThat(NationalIdNumber.isValid("32010012345")).as("no 32nd day").isFalse();
        assertThat(NationalIdNumber.isValid("0101001235")).as("ten digits").isFalse();
        assertThat(NationalIdNumber.isValid("abcdefghijk")).isFalse();
        assertThat(NationalIdNumber.isValid("")).isFalse();
        assertThat(NationalIdNumber.isValid(null)).isFalse();
    }

    @Example
    void maskingShowsOnlyTheBirthDatePart() {
        assertThat(NationalIdNumber.masked("01010012356")).isEqualTo("010100 *****");
    }

    @Property
    void numbersMadeByTheAlgorithmAreValid(@ForAll("validNumbers") String number) {
        assertThat(NationalIdNumber.isValid(number)).isTrue();
    }

    @Property
    void anySingleDigitChangeIsCaught(@ForAll("validNumbers") String number, @ForAll @IntRange(min = 0, max = 10) int position,
                                      @ForAll @IntRange(min = 1, max = 9) int delta) {
        char[] digits = number.toCharArray();
        digits[position] = (char) ('0' + (digits[position] - '0' + delta) % 10);
        assertThat(NationalIdNumber.isValid(new String(digits))).isFalse();
    }

    @Provide
    Arbitrary<String> validNumbers() {
        Arbitrary<LocalDate> dates = Arbitraries.integers().between(0, 365 * 100)
                .map(days -> LocalDate.of(1940, 1, 1).plusDays(days));
        Arbitrary<Integer> individuals = Arbitraries.integers().between(0, 999);
        Arbitrary<Boolean> dNumber = Arbitraries.of(true, false);
        return Combinators.combine(dates, individuals, dNumber).as(NationalIdNumberTest::make)
                .filter(n -> n != null);
    }

    /** Builds a number the way the registry does, or null where the date and individual number do not fit. */
    static String make(LocalDate date, int individual, boolean dNumber) {
        int year = date.getYear() % 100;
        boolean fits = date.getYear() < 2000 ? (individual <= 499 || individual >= 900)
                : (individual >= 500 && year <= 39);
        if (!fits) {
            return null;
        }
        String base = String.format("%02d%02d%02d%03d", date.getDayOfMonth() + (dNumber ? 40 : 0),
                date.getMonthValue(), year, individual);
        int[] d = base.chars().map(c -> c - '0').toArray();
        int k1 = NationalIdNumber.checkDigit(Arrays.copyOf(d, 10), new int[] {3, 7, 6, 1, 8, 9, 4, 5, 2});
        if (k1 < 0) {
            return null;
        }
        int[] withK1 = Arrays.copyOf(d, 11);
        withK1[9] = k1;
        int k2 = NationalIdNumber.checkDigit(withK1, new int[] {5, 4, 3, 2, 7, 6, 5, 4, 3, 2});
        if (k2 < 0) {
            return null;
        }
        return base + k1 + k2;
    }
}
