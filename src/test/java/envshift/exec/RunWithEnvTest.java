package envshift.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import envshift.EnvshiftException;
import envshift.Secret;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The child's environment: inherited names kept, the variables added and winning. */
class RunWithEnvTest {
  @Test
  void theVariablesAreAddedAndWinOverInheritedNames() {
    Map<String, Secret> vars = new LinkedHashMap<>();
    vars.put("SHARED", Secret.of("from the environment"));
    vars.put("NEW", Secret.of("added"));

    Map<String, String> env = RunWithEnv.environment(
        Map.of("SHARED", "inherited", "PATH", "/bin"), vars);

    assertThat(env).containsExactlyInAnyOrderEntriesOf(
        Map.of("SHARED", "from the environment", "NEW", "added", "PATH", "/bin"));
  }

  @Test
  void aValueAProcessCannotHoldIsRefusedByNameNeverQuoted() {
    Map<String, Secret> vars = Map.of("TOKEN", Secret.of("abc\0secret-part"));

    assertThatThrownBy(() -> RunWithEnv.environment(Map.of(), vars))
        .isInstanceOf(EnvshiftException.class)
        .hasMessage("TOKEN: its value holds a NUL character, which a process environment "
            + "cannot hold")
        .hasMessageNotContaining("secret-part");
  }

  @Test
  void aNameAProcessCannotHoldIsRefused() {
    assertThatThrownBy(() -> RunWithEnv.environment(Map.of(), Map.of("A=B", Secret.of("v"))))
        .isInstanceOf(EnvshiftException.class)
        .hasMessage("A=B: not a name a process environment can hold");
  }
}
