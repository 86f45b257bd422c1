package envshift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The terminal confirmation: y for ordinary writes, the app name typed for destructive ones. */
class ConfirmOptionsTest {
  private final List<String> asked = new ArrayList<>();

  private ConfirmOptions.Prompt answering(String line) {
    return prompt -> {
      asked.add(prompt);
      return Optional.ofNullable(line);
    };
  }

  @Test
  void anOrdinaryWriteIsConfirmedByY() {
    assertThat(ConfirmOptions.confirmed(answering("y"), "Remove these files?", List.of())).isTrue();
    assertThat(ConfirmOptions.confirmed(answering(" YES "), "Q?", List.of())).isTrue();
    assertThat(ConfirmOptions.confirmed(answering(""), "Q?", List.of())).isFalse();
    assertThat(ConfirmOptions.confirmed(answering(null), "Q?", List.of())).isFalse();
    assertThat(asked.get(0)).isEqualTo("Remove these files? [y/N] ");
  }

  @Test
  void aDestructiveWriteIsConfirmedOnlyByTypingTheAppName() {
    List<String> app = List.of("acme-prod");

    assertThat(ConfirmOptions.confirmed(answering("y"), "Restore acme-prod?", app)).isFalse();
    assertThat(ConfirmOptions.confirmed(answering("acme"), "Restore acme-prod?", app)).isFalse();
    assertThat(ConfirmOptions.confirmed(answering(null), "Restore acme-prod?", app)).isFalse();
    assertThat(ConfirmOptions.confirmed(answering(" acme-prod\n"), "Restore acme-prod?", app))
        .isTrue();
    assertThat(asked.get(0)).isEqualTo("Restore acme-prod? This cannot be undone. "
        + "To proceed, type the app name (acme-prod): ");
  }

  @Test
  void severalAppsAreTypedTogetherInAnyOrder() {
    List<String> apps = List.of("acme-staging", "acme-prod", "acme-prod");

    assertThat(ConfirmOptions.confirmed(answering("acme-prod"), "Apply?", apps)).isFalse();
    assertThat(ConfirmOptions.confirmed(answering("acme-staging  acme-prod"), "Apply?", apps))
        .isTrue();
    assertThat(asked.get(0)).endsWith("type the app names separated by spaces "
        + "(acme-prod acme-staging): ");
  }

  @Test
  void withoutATerminalYesIsStillRequiredAndEnoughForADestructiveWrite() {
    ConfirmOptions confirm = new ConfirmOptions();
    Context noTerminal = Context.of(java.util.Map.of(), Cli.PROJECT, Cli.PROJECT);
    assertThat(confirm.confirmed(noTerminal, "Restore acme-prod?", List.of("acme-prod")))
        .isFalse();
    confirm.yes = true;
    assertThat(confirm.confirmed(noTerminal, "Restore acme-prod?", List.of("acme-prod")))
        .isTrue();
  }
}
