package envshift.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The builtins, str, dict and list methods settings call on known values give what python3 gives
 * (each expected repr below was printed by python3 3.11 for the same expression); what CPython
 * refuses, what could differ between CPython versions and iterator objects on their own stay
 * unresolved.
 */
class PythonBuiltinsTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      max(1, 1.0)                              | 1
      min(True, 1)                             | True
      max("abc")                               | 'c'
      max(*[4, 5])                             | 5
      max(1, float("nan"))                     | 1
      max([], default="x")                     | 'x'
      max([[1]])                               | [1]
      round(0.125, 2)                          | 0.12
      round(0.375, 2)                          | 0.38
      round(-2.5)                              | -2
      round(1234.5678, -2)                     | 1200.0
      round(5e-324, 323)                       | 0.0
      round(5e-324, 324)                       | 5e-324
      round(-1.5, -400)                        | -0.0
      round(float("inf"), 2)                   | inf
      round(-25, -1)                           | -20
      round(5, -100)                           | 0
      round(True, 2)                           | 1
      round(2.567, ndigits=1)                  | 2.6
      sorted([1.0, 1, True])                   | [1.0, 1, True]
      sorted([1.0, 1, True], reverse=True)     | [1.0, 1, True]
      sorted("bca")                            | ['a', 'b', 'c']
      sorted([(1, "b"), (1,), ()])             | [(), (1,), (1, 'b')]
      sum([])                                  | 0
      sum([], True)                            | True
      sum([True, True])                        | 2
      sum([-0.0], -0.0)                        | -0.0
      sum([0.5, 1], 2**50)                     | 1125899906842625.5
      all("")                                  | True
      list(range(2**64, 2**64 + 2))            | [18446744073709551616, 18446744073709551617]
      list(range(0, 10, -1))                   | []
      list(zip())                              | []
      list(zip(*[[1, 2], [3, 4]]))             | [(1, 3), (2, 4)]
      list(reversed(range(3)))                 | [2, 1, 0]
      list(reversed({"a": 1}.items()))         | [('a', 1)]
      bin(-0)                                  | '0b0'
      int("0_0", 0)                            | 0
      int("  -0x_f  ", 16)                     | -15
      int("0b1", 16)                           | 177
      int("Z", 36)                             | 35
      chr(True)                                | '\\x01'
      isinstance(1, bool)                      | False
      isinstance((), list)                     | False
      "they're bill's 1st".title()             | "They'Re Bill'S 1St"
      "+42".zfill(2)                           | '+42'
      "😀".zfill(3)                            | '00😀'
      "ab".center(5)                           | '  ab '
      "abc".center(6)                          | ' abc  '
      "😀".center(4, "é")                      | 'é😀éé'
      "aaa".rsplit("aa")                       | ['a', '']
      "  a".rsplit(None, 1)                    | ['a']
      "a\\x85b\\u2028c".splitlines()           | ['a', 'b', 'c']
      "a\\x1fb".splitlines()                   | ['a\\x1fb']
      "aaaa".count("aa")                       | 2
      "abc".count("", 1, 2)                    | 2
      "abc".count("", 5)                       | 0
      "abc".find("", 3)                        | 3
      "abc".find("", 5)                        | -1
      "abc".rfind("", 1, 2)                    | 2
      "😀a😀b".rfind("😀")                     | 2
      "abc".find("c", -100, 100)               | 2
      "".isspace()                             | False
      "123".isupper()                          | False
      "a\\r\\tb".expandtabs(3)                 | 'a\\r   b'
      "\\t".expandtabs(-1)                     | ''
      "{a[k]}".format_map({"a": {"k": "v"}})   | 'v'
      {1: "x"}.get(True)                       | 'x'
      {"a": 1}.get("b", 2)                     | 2
      [1, 2, 1.0, True].count(1)               | 3
      [1, 2, 3, 2].index(2, -1)                | 3
      (1, 2).index(2)                          | 1
      ",".join({"b": 1, "a": 2}.keys())        | 'b,a'
      """)
  void aBuiltinOrMethodOfKnownValuesIsWhatPythonComputes(String expression, String python) {
    String source = expression.replace("\\\\", "\\");
    assertThat(Golden.values("import os\nX = " + source + "\n")).containsEntry("X", python);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "max([])", "max(1, 2, default=3)", "max(1, 'a')", "max([1, 2], key=str)",
      "max([(float('nan'),), (1,)])", "sorted([float('nan'), 1])", "sorted([(1, 'b'), (1, 2)])",
      "sorted([2, 1], reverse=None)", "sum([0.1, 0.2])", "sum([1.5], 2**60)",
      "sum([2**53, 1.0])", "sum(['a'])",
      "round(float('nan'))", "round(1.7976931348623157e308, -308)", "round(2.5, 1.0)",
      "range(3)", "enumerate([1])", "zip([1])", "reversed([1])", "{'a': 1}.keys()",
      "{'a': 1}.items()", "list(range(0, 1, 0))", "list(zip([1], [2], strict=True))",
      "list(reversed(zip([1], [2])))", "int('010', 0)", "int('0x_', 16)", "int('1__0', 10)",
      "int(10, 10)", "int('10', True)", "int('٣', 10)", "chr(0xD800)", "ord('ab')",
      "isinstance(1, [int])", "isinstance(1, (int, os))", "'straße'.casefold()",
      "'é'.isalpha()", "'abc'.center(6, 'ab')", "'abc'.partition('')", "'abc'.index('x')",
      "'{0}'.format_map({'0': 1})", "'{a}'.format_map({})", "{'a': 1}.get([1])",
      "[1, 2].index(3)", "(1, 2).copy()", "[float('nan')].count(float('nan'))",
      "'a,b'.split(sep=',')"})
  void whatPythonRefusesOrCouldComputeOtherwiseIsUnresolved(String expression) {
    assertThat(Golden.values("import os\nX = " + expression + "\n")).doesNotContainKey("X");
  }

  @Test
  void aNameTheFileBindsIsNotTheBuiltin() {
    assertThat(Golden.values("""
        max = min
        sorted = 1
        A = max(1, 2)
        B = sorted([2, 1])
        C = min(1, 2)
        """)).doesNotContainKeys("A", "B").containsEntry("C", "1");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"'x'.center(10**9)", "list(range(10**12))",
      "'\\t'.expandtabs(10**9)", "'x'.zfill(10**8)"})
  void aValuePastTheBoundRefusesTheFileInsteadOfBeingBuilt(String expression) {
    assertThatThrownBy(() -> Golden.values("X = " + expression + "\n"))
        .isInstanceOf(SettingsException.class).hasMessageContaining("bound");
  }
}
