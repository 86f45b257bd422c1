package envshift.settings;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * int(), float(), str() and bool() of one known value give what python3 gives (each expected
 * value below was printed by python3 for the same expression), and what CPython refuses stays
 * unresolved.
 */
class PythonConversionsTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      int("25")                               | 25
      int(" -1_000 ")                         | -1000
      int(3.9)                                | 3
      int(-3.9)                               | -3
      int(True)                               | 1
      float("1_0.5")                          | 10.5
      float("1.e5")                           | 100000.0
      float(" -Infinity")                     | -inf
      float(2**60+1)                          | 1.152921504606847e+18
      float("1e500")                          | inf
      str(0.1+0.2)                            | '0.30000000000000004'
      str(True)                               | 'True'
      str(None)                               | 'None'
      str(10**20)                             | '100000000000000000000'
      bool("")                                | False
      bool([0])                               | True
      bool(0.0)                               | False
      int(os.getenv("EMAIL_PORT", 587))       | 587
      str(1e16)                               | '1e+16'
      len("né😀")                             | 3
      len(["a", "b"])                         | 2
      len({"a": 1})                           | 1
      """)
  void aConversionOfAKnownValueIsWhatPythonComputes(String expression, String python) {
    assertThat(Golden.values("import os\nX = " + expression + "\n")).containsEntry("X", python);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      int("0x10")
      int("1__0")
      int("12abc")
      int(float("nan"))
      float("0x1p3")
      float("1.5d")
      int("٣")
      int("8", 8)
      str([1, 2])
      """)
  void whatPythonRefusesOrMightReadOtherwiseIsUnresolved(String expression) {
    assertThat(Golden.values("X = " + expression + "\n")).doesNotContainKey("X");
  }
}
