package envshift.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Comprehensions take their items from range(), enumerate(), zip() and dict views as a for loop
 * does, and builtins that go through their whole argument take a generator as its list; values are
 * what python3 printed for the same lines.
 */
class PythonIteratorsInComprehensionsTest {
  @Test
  void iteratorsAndGeneratorsMeetAsInPython() {
    assertThat(Golden.values("""
        A = [x * 2 for x in range(3)]
        B = [*range(2)]
        C = {k: v for k, v in {'a': 1}.items()}
        D = [i for i, x in enumerate('ab')]
        E = dict(zip(['a', 'b'], [1, 2]))
        F = sorted(x for x in [3, 1])
        G = max(len(s) for s in ['a', 'bcd'])
        H = sum(x for x in range(5))
        I = any(x > 2 for x in [1, 3])
        """)).containsExactly(
        Map.entry("A", "[0, 2, 4]"), Map.entry("B", "[0, 1]"), Map.entry("C", "{'a': 1}"),
        Map.entry("D", "[0, 1]"), Map.entry("E", "{'a': 1, 'b': 2}"), Map.entry("F", "[1, 3]"),
        Map.entry("G", "3"), Map.entry("H", "10"), Map.entry("I", "True"));
  }

  @Test
  void aFunctionOfTheFilesOwnGetsTheGeneratorNotAList() {
    // python3: TypeError: object of type 'generator' has no len()
    assertThat(Golden.values("""
        def sum(x):
            return len(x)
        A = sum(x for x in [1, 2])
        """)).doesNotContainKey("A");
  }

  @Test
  void theFilesOwnFunctionsAreCalledInsideAComprehension() {
    assertThat(Golden.values("""
        def up(s):
            return s.upper()
        A = [up(h) for h in ['a', 'b']]
        """)).containsEntry("A", "['A', 'B']");
  }
}
