package envshift.settings;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import envshift.EnvshiftException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bad syntax is a SettingsException naming file:line and what is wrong, never the text there. */
class PythonSyntaxErrorsTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      A = 'canary                                 | 1 | unterminated string
      A = 1\\nB = '''canary\\n\\n                 | 2 | unterminated triple-quoted string
      A = [\\n 'canary',\\n                       | 1 | '[' was never closed
      A = (1]                                     | 1 | unexpected ']'
      A = )                                       | 1 | unexpected ')'
      A = 1 +                                     | 1 | unexpected end of statement
      A = 1\\n  B = 'canary'                      | 2 | unexpected indent
      if DEBUG:                                   | 1 | expected an indented block
      print 'canary'                              | 1 | invalid syntax
      A = 0777          | 1 | leading zeros in a decimal integer literal (a Python 2 octal?)
      A = 1abc                                    | 1 | invalid number literal
      A = $canary                                 | 1 | invalid character
      A = 1 \\\\ 2                                | 1 | unexpected character after line continuation
      'canary' = A                                | 1 | cannot assign to this expression
      *A = [1]            | 1 | a starred assignment target must be in a list or tuple
      if X:\\n  *A = 1  | 2 | a starred assignment target must be in a list or tuple
      A = '\\UFFFFFFFF'                         | 1 | illegal Unicode character in a \\U escape
      A = '\\U00110000'                         | 1 | illegal Unicode character in a \\U escape
      A = 'canary' b'x'                           | 1 | cannot mix bytes and str literals
      A = '\\x4'                                  | 1 | invalid escape sequence in a string
      A = f'{canary!x}'                           | 1 | f-string: invalid conversion character
      A = f'{}'                                   | 1 | f-string: empty expression not allowed
      A = f'canary}'                              | 1 | f-string: single '}' is not allowed
      import                                      | 1 | invalid import statement
      A = 1;; B = 2                               | 1 | unexpected ';'
      class A:\\n  pass\\nelse:\\n  pass          | 3 | unexpected 'else'
      A = {'canary' 1}                            | 1 | invalid syntax
      @decorator\\nA = 1                          | 1 | decorator without a definition
      A = [*canary for x in L]          | 1 | iterable unpacking cannot be used in comprehension
      A = {**canary for x in L}      | 1 | dict unpacking cannot be used in dict comprehension
      A = f(x for x in L, canary)                 | 1 | generator expression must be parenthesized
      A = f(canary, x for x in L)                 | 1 | generator expression must be parenthesized
      A = [x for 'canary' in L]                   | 1 | cannot assign to this expression
      A = [x for x in L, canary]                  | 1 | unexpected ','
      A = [x for x in L if x if y else canary]    | 1 | unexpected 'else'
      A = L[1:2:3:canary]                         | 1 | unexpected ':'
      """)
  void reportsTheLineAndWhatWasWrong(String source, int line, String what) {
    String text = source.replace("\\n", "\n").replace("\\\\", "\\");

    assertThatThrownBy(() -> PythonSettingsParser.parse(text, "configs/app_config.py"))
        .isInstanceOf(SettingsException.class)
        .isInstanceOf(EnvshiftException.class)
        .hasMessage("configs/app_config.py:" + line + ": " + what)
        .hasMessageNotContaining("canary")
        .extracting(e -> ((EnvshiftException) e).exitCode())
        .isEqualTo(EnvshiftException.ERROR);
  }

  /** The four kinds of invalid Python met in real settings files; python3 gives the same lines. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      empty_value.py         | 2  | unexpected end of statement
      missing_comma_in_if.py | 10 | unexpected ':'
      shell_placeholder.py   | 3  | invalid character
      unterminated_string.py | 2  | unterminated string
      """)
  void realWorldInvalidFilesAreOneLineErrorsWithFileAndLine(String name, int line, String what) {
    String text = Golden.fixture("invalid/" + name);

    assertThatThrownBy(() -> PythonSettingsParser.parse(text, "configs/" + name))
        .isInstanceOf(SettingsException.class)
        .hasMessage("configs/" + name + ":" + line + ": " + what)
        .hasMessageNotContaining("canary")
        .hasMessageNotContaining("\n");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
      if X:\\n    A = )                        | 2 | unexpected ')'
      if X:\\n    pass\\n  B = 1 | 3 | unindent does not match any outer indentation level
      if X:\\n    A = 1\\n        B = 2       | 3 | unexpected indent
      try:\\n    A = 1\\nB = 2                | 2 | expected 'except' or 'finally' block
      try:\\n    A = 1\\nelse:\\n    B = 2     | 3 | unexpected 'else'
      if X:\\n pass\\nelse:\\n pass\\nelif Y:\\n pass | 5 | unexpected 'elif'
      for x in :\\n    pass                    | 1 | unexpected end of statement
      while X\\n    pass                       | 1 | expected ':'
      def f(x):\\n    return 'canary' +        | 2 | unexpected end of statement
      class C:\\n    A = [1,, 2]               | 2 | unexpected ','
      if X: A = 1\\n    B = 2                  | 2 | unexpected indent
      """)
  void syntaxErrorsInsideBlocksThatAreNeverRunAreStillErrors(String source, int line,
      String what) {
    String text = source.replace("\\n", "\n");

    assertThatThrownBy(() -> PythonSettingsParser.parse(text, "configs/settings.py"))
        .isInstanceOf(SettingsException.class)
        .hasMessage("configs/settings.py:" + line + ": " + what)
        .hasMessageNotContaining("canary");
  }

  @Test
  void absurdNestingIsRefusedBeforeItCanExhaustTheStack() {
    String brackets = "A = " + "[".repeat(101) + "]".repeat(101);
    String unary = "A = " + "-".repeat(700) + "1";

    assertThatThrownBy(() -> PythonSettingsParser.parse(brackets, "s.py"))
        .hasMessage("s.py:1: too many nested brackets");
    assertThatThrownBy(() -> PythonSettingsParser.parse(unary, "s.py"))
        .hasMessage("s.py:1: expression nested too deeply");
  }
}
