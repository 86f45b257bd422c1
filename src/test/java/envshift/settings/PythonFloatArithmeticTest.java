package envshift.settings;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Float floor division and remainder as CPython computes them (its float_divmod, from fmod), and
 * what Python refuses (an OverflowError, a complex result) left unresolved; the expected values
 * are what python3 printed.
 */
class PythonFloatArithmeticTest {
  private static String value(String expression) {
    SettingsModule m = PythonSettingsParser.parse("X = " + expression + "\n", "s.py");
    return m.settings().isEmpty() ? "<unresolved>" : PyRepr.repr(m.settings().get(0).value());
  }

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource(delimiter = '|', textBlock = """
      1 // 0.1                        | 9.0
      1 % 0.1                         | 0.09999999999999995
      float('inf') // 2               | nan
      float('inf') % 2                | nan
      -1 // float('inf')              | -1.0
      -1 % float('inf')               | inf
      1 // float('inf')               | 0.0
      7.5 // -2                       | -4.0
      -7.5 % 2                        | 0.5
      0.0 // -3                       | -0.0
      -0.0 % 3                        | 0.0
      1e308 // 1e-308                 | inf
      5 // 0.3                        | 16.0
      5 % 0.3                         | 0.20000000000000018
      """)
  void floorDivisionAndRemainderArePythons(String expression, String python) {
    assertThat(value(expression)).isEqualTo(python);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "2.0 ** 10000", "(-8.0) ** (1 / 3)", "10 ** 400 * 1.0", "(10 ** 400) ** -1",
      "(2 ** 60 + 1) / 3"})
  void whatPythonRefusesOrComputesExactlyIsLeftUnresolved(String expression) {
    assertThat(value(expression)).isEqualTo("<unresolved>");
  }
}
