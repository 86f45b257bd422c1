package envshift.settings;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The str methods settings files call on known text give what python3 gives (each expected repr
 * below was printed by python3 for the same expression); what could differ stays unresolved.
 */
class PythonStrMethodsTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      "a,b,,c".split(",")                  | ['a', 'b', '', 'c']
      " a  b c ".split()                   | ['a', 'b', 'c']
      " a  b c ".split(None, 1)            | ['a', 'b c ']
      "a,b,c".split(",", 1)                | ['a', 'b,c']
      "".split(",")                        | ['']
      "".split()                           | []
      "xxhixx".strip("x")                  | 'hi'
      "  hi \\t".strip()                   | 'hi'
      "  hi ".lstrip()                     | 'hi '
      "  hi ".rstrip()                     | '  hi'
      "MiXeD-1".lower()                    | 'mixed-1'
      "MiXeD-1".upper()                    | 'MIXED-1'
      ", ".join(["a", "b"])                | 'a, b'
      "a-b-c".replace("-", "_", 1)         | 'a_b-c'
      "abc".startswith(("x", "a"))         | True
      "abc".endswith("bc")                 | True
      os.getenv("HOSTS", "a.org,b.org").split(",") | ['a.org', 'b.org']
      """)
  void aStrMethodOnKnownTextIsWhatPythonComputes(String expression, String python) {
    String source = expression.replace("\\\\t", "\\t");
    assertThat(Golden.values("import os\nX = " + source + "\n")).containsEntry("X", python);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      "Straße".upper()
      "a b".split("")
      ", ".join(["a", 1])
      "x".split(sep=",")
      """)
  void whatCouldDifferFromPythonIsUnresolved(String expression) {
    assertThat(Golden.values("import os\nX = " + expression + "\n")).doesNotContainKey("X");
  }
}
