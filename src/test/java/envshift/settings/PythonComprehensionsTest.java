package envshift.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * List and dict comprehensions, generator expressions consumed whole and slices give what python3
 * gives (each expected repr below was printed by python3 for the same expression, after the same
 * preamble, dict keys as json.dumps writes them); what Python refuses, or computes otherwise,
 * stays unresolved with its reason.
 */
class PythonComprehensionsTest {
  private static final String PREAMBLE = """
      import os
      PORTS = [1, 2, 3, 4]
      PAIRS = [('a', 1), ('b', 2)]
      NAMES = {'web': 2, 'worker': 1}
      HOSTS = os.getenv('HOSTS', 'a.org, b.org')
      """;

  private static SettingsModule parse(String source) {
    return PythonSettingsParser.parse(source, "configs/settings.py");
  }

  private static Map<String, String> values(SettingsModule module) {
    return module.settings().stream()
        .collect(Collectors.toMap(Setting::name, s -> PyRepr.repr(s.value())));
  }

  private static List<String> warnings(SettingsModule module) {
    return module.warnings().stream().map(ParseWarning::message).toList();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      [h.strip() for h in 'a, b'.split(',')]                   | ['a', 'b']
      [h.strip() for h in HOSTS.split(',') if h]               | ['a.org', 'b.org']
      {k: v for k, v in PAIRS}                                 | {'a': 1, 'b': 2}
      {v: k for k, v in PAIRS if v > 1}                        | {'2': 'b'}
      [p for p in PORTS if p > 2]                              | [3, 4]
      [(a, b) for a in 'xy' for b in (1, 2)] | [('x', 1), ('x', 2), ('y', 1), ('y', 2)]
      [x * y for x in PORTS if x % 2 for y in PORTS if y > x]  | [2, 3, 4, 12]
      [c for c in 'h\\u00e9\\U0001F600']                       | ['h', 'é', '😀']
      [k for k in NAMES]                                       | ['web', 'worker']
      {n: len(n) for n in NAMES}                               | {'web': 3, 'worker': 6}
      [[y * 2 for y in row] for row in [[1, 2], [3]]]          | [[2, 4], [6]]
      [[x + y for y in 'cd'] for x in 'ab']                    | [['ac', 'ad'], ['bc', 'bd']]
      [[x for x in x] for x in ['ab', 'c']]                    | [['a', 'b'], ['c']]
      [1 for () in [(), ()]]                                   | [1, 1]
      [a + b for (a, [b]) in [('x', ['y'])]]                   | ['xy']
      [a for a, in [(1,), (2,)]]                               | [1, 2]
      {k: 1 for k in [1, True, 1.0]}                           | {'1': 1}
      [x if x else '-' for x in ['', 'a']]                     | ['-', 'a']
      [p for p in PORTS if p if p != 3]                        | [1, 2, 4]
      [PORTS for PORTS in 'ab']                                | ['a', 'b']
      ','.join(x.upper() for x in 'abc')                       | 'A,B,C'
      ', '.join(h.strip() for h in HOSTS.split(','))           | 'a.org, b.org'
      list(x for x in PORTS)                                   | [1, 2, 3, 4]
      tuple(x * 2 for x in PORTS if x % 2)                     | (2, 6)
      dict((k, v) for k, v in PAIRS)                           | {'a': 1, 'b': 2}
      dict((v, k) for k, v in PAIRS)                           | {'1': 'a', '2': 'b'}
      list(c for c in 'ab' for d in 'xy')                      | ['a', 'a', 'b', 'b']
      [x for x in []]                                          | []
      {k: v for k, v in []}                                    | {}
      [p for p in PORTS][1:3]                                  | [2, 3]
      PORTS[1:]                                                | [2, 3, 4]
      PORTS[:-1]                                               | [1, 2, 3]
      PORTS[::-1]                                              | [4, 3, 2, 1]
      PORTS[::2]                                               | [1, 3]
      PORTS[-100:100]                                          | [1, 2, 3, 4]
      PORTS[3:1]                                               | []
      PORTS[3:1:-1]                                            | [4, 3]
      PORTS[10:-10:-1]                                         | [4, 3, 2, 1]
      PORTS[1:3:10**30]                                        | [2]
      PORTS[None:None:None]                                    | [1, 2, 3, 4]
      PORTS[True:]                                             | [2, 3, 4]
      'abcdef'[2:4]                                            | 'cd'
      'abcdef'[::-1]                                           | 'fedcba'
      'abcdef'[-2:]                                            | 'ef'
      'abcdef'[1:-1:2]                                         | 'bd'
      'h\\u00e9\\U0001F600x'[1:3]                              | 'é😀'
      'h\\u00e9\\U0001F600x'[::-1]                             | 'x😀éh'
      (1, 2, 3)[1:]                                            | (2, 3)
      ()[1:]                                                   | ()
      ''[::-1]                                                 | ''
      HOSTS[:5]                                                | 'a.org'
      """)
  void aComprehensionOrSliceOfKnownValuesIsWhatPythonComputes(String expression, String python) {
    assertThat(values(parse(PREAMBLE + "X = " + expression + "\n"))).containsEntry("X", python);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      (x for x in PORTS)                          | uses a generator expression
      str(x for x in PORTS)                       | uses a generator expression
      ','.join(x for x in PORTS)                  | calls str.join() on an item that is \
      not a str
      {x for x in PORTS}                          | uses a set comprehension
      [x async for x in PORTS]                    | uses async for in a comprehension
      [p := 0 for p in PORTS]                     | uses an assignment expression (:=) in a \
      comprehension
      [x for x in (y := PORTS)]                   | uses an assignment expression (:=) in a \
      comprehension
      [(yield) for p in PORTS]                    | uses yield in a comprehension
      [1 for a in PORTS for c in b for b in PORTS] | reads comprehension variable b before it \
      is set
      [a for a, b in [(1, 2, 3)]]                 | unpacks 3 values into 2 targets in a \
      comprehension
      [a for a, *b in [(1, 2, 3)]]                | unpacks with a starred target in a \
      comprehension
      [x for x in 5]                              | iterates over a int
      [1 for x.y in PORTS]                        | assigns to x.y in a comprehension
      [list(x) for list in ['ab']]                | calls list()
      [os.getenv('A', 'b') for os in [1]]         | calls os.getenv() on a value named os
      PORTS[::0]                                  | slices with a step of zero
      PORTS[1.0:]                                 | slices with a float
      NAMES['a':]                                 | slices a dict
      NAMES['web', 'worker']                      | uses a tuple index
      """)
  void whatPythonRefusesOrComputesOtherwiseIsUnresolved(String expression, String reason) {
    SettingsModule module = parse(PREAMBLE + "X = " + expression + "\n");

    assertThat(values(module)).doesNotContainKey("X");
    assertThat(warnings(module)).contains("X: skipped (" + reason + ")");
  }

  @Test
  void comprehensionVariablesAreTheComprehensionsOwnAndTheNamesAroundStayReadable() {
    SettingsModule module = parse("""
        x = 'module'
        PREFIX = 'app-'
        NAMES = [PREFIX + x for x in ['web', 'worker']]
        X_AFTER = x
        NESTED = [[x + y for y in 'ab'] for x in 'cd']
        STILL = x
        Y = y
        """);

    assertThat(values(module))
        .containsEntry("NAMES", "['app-web', 'app-worker']")
        .containsEntry("X_AFTER", "'module'")
        .containsEntry("NESTED", "[['ca', 'cb'], ['da', 'db']]")
        .containsEntry("STILL", "'module'")
        .doesNotContainKey("Y");
    assertThat(warnings(module)).contains("Y: skipped (refers to undefined name y)");
  }

  @Test
  void aComprehensionOverAGetenvDefaultCarriesItsAssumption() {
    SettingsModule module = parse("""
        import os
        HOSTS = [h.strip() for h in os.getenv('HOSTS', 'a.org, b.org').split(',')]
        FIRST = [h for h in HOSTS][0]
        JOINED = ' '.join(h.upper() for h in HOSTS)
        """);

    assertThat(values(module))
        .containsEntry("HOSTS", "['a.org', 'b.org']")
        .containsEntry("FIRST", "'a.org'")
        .containsEntry("JOINED", "'A.ORG B.ORG'");
    assertThat(warnings(module)).contains(
        "HOSTS: uses os.getenv('HOSTS'): taking its default",
        "FIRST: uses os.getenv('HOSTS'): taking its default",
        "JOINED: uses os.getenv('HOSTS'): taking its default");
  }

  @Test
  void aValueNamedOsHasNoGetenv() {
    SettingsModule module = parse("""
        os = 'not the module'
        X = os.getenv('X', 'default')
        """);

    assertThat(values(module)).doesNotContainKey("X");
    assertThat(warnings(module)).contains("X: skipped (calls os.getenv() on a value named os)");
  }

  /** Python changes these names; keeping their earlier value would push a wrong one. */
  @Test
  void assigningToASliceOrATupleIndexMakesTheNameUnknown() {
    SettingsModule module = parse("""
        L = [1, 2, 3]
        L[1:] = [9]
        M = [1, 2]
        M[:1] += [0]
        D = {}
        D[1, 2] = 'x'
        """);

    assertThat(values(module)).doesNotContainKeys("L", "M", "D");
    assertThat(warnings(module)).contains(
        "L: skipped (assigns to a slice)", "M: skipped (assigns to a slice)",
        "D: skipped (uses a tuple index)");
  }
}
