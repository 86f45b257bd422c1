package envshift.plan;

import static org.assertj.core.api.Assertions.assertThat;

import envshift.Secret;
import org.junit.jupiter.api.Test;

class ShownTest {
  @Test
  void aNameIsOneLineWithEveryControlCharacterVisible() {
    assertThat(Shown.visible("A\nB\u001bC\u007fD\u2029E\u202eF\tG"))
        .isEqualTo("A\\nB\\u001bC\\u007fD\\u2029E\\u202eF\tG");
  }

  @Test
  void aRevealedValueKeepsItsLinesAndEscapesTheRest() {
    assertThat(Shown.lines(Secret.of("x\u001b]0;t\u0007\ny\r"), true))
        .containsExactly("x\\u001b]0;t\\u0007", "y\\r");
  }

  @Test
  void visibleTextIsLeftAsItIs() {
    String shown = Shown.visible("é ✓ \\u001b");
    assertThat(Shown.visible(shown)).isEqualTo(shown).isEqualTo("é ✓ \\u001b");
  }
}
