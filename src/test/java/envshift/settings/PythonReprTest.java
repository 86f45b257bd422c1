package envshift.settings;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PythonReprTest {
  // Expected strings are what CPython 3 prints for repr(float).
  @ParameterizedTest(name = "repr({0}) == {1}")
  @CsvSource({
    "0.25, 0.25",
    "1.0, 1.0",
    "1e-05, 1e-05",
    "1e16, 1e+16",
    "1e15, 1000000000000000.0",
    "123456789012.5, 123456789012.5",
    "0.0001, 0.0001",
    "0.1, 0.1",
    "0.30000000000000004, 0.30000000000000004",
    "1e22, 1e+22",
    "123456789012345680.0, 1.2345678901234568e+17",
    "12345678901234567.0, 1.2345678901234568e+16",
    "9007199254740993.0, 9007199254740992.0",
    "1.7976931348623157e308, 1.7976931348623157e+308",
    "4.9e-324, 5e-324",
    "1.5e-323, 1.5e-323",
    "-2.5, -2.5",
    "-0.0, -0.0",
    "0.0, 0.0",
    "587.0, 587.0",
    "1.5e300, 1.5e+300",
    "2e-7, 2e-07",
  })
  void printsLikePythonRepr(double value, String expected) {
    assertThat(PythonRepr.of(value)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "repr({0}) == {1}")
  @CsvSource({"Infinity, inf", "-Infinity, -inf", "NaN, nan"})
  void printsNonFiniteLikePython(double value, String expected) {
    assertThat(PythonRepr.of(value)).isEqualTo(expected);
  }

  /**
   * Powers of two, where the round-trip interval is lopsided: the shortest digits that read back
   * lie on one side only. A nearest-only search printed 17 digits here where CPython prints 16.
   */
  @ParameterizedTest(name = "repr(2**{0}) == {1}")
  @CsvSource({
    "-24, 5.960464477539063e-08",
    "-44, 5.684341886080802e-14",
    "89, 6.189700196426902e+26",
    "122, 5.316911983139664e+36",
    "-1017, 7.120236347223045e-307",
  })
  void printsLopsidedPowersOfTwoLikeCPython(int exponent, String expected) {
    assertThat(PythonRepr.of(Math.scalb(1.0, exponent))).isEqualTo(expected);
  }
}
