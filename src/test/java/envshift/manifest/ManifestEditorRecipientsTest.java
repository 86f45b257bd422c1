package envshift.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@link ManifestEditor#withoutRecipients}: only the named entries go; comments stay. */
class ManifestEditorRecipientsTest {
  private static final String ENVS = "environments:\n  dev:\n    sources: [a.env]\n";

  private static String without(String yaml, String... entries) {
    return ManifestEditor.withoutRecipients(yaml, "envshift.yml", Set.of(entries)::contains);
  }

  @Test
  void aFlowListLosesTheItemWhereverItStandsAndKeepsItsComment() {
    String yaml = "version: 1\n# who may read\nrecipients: [a@x.org, 'dana@x.org', b@x.org]  # ops\n"
        + ENVS;

    assertThat(without(yaml, "dana@x.org"))
        .isEqualTo("version: 1\n# who may read\nrecipients: [a@x.org, b@x.org]  # ops\n" + ENVS);
    assertThat(without(yaml, "a@x.org"))
        .contains("recipients: ['dana@x.org', b@x.org]  # ops\n");
    assertThat(without(yaml, "b@x.org"))
        .contains("recipients: [a@x.org, 'dana@x.org']  # ops\n");
  }

  @Test
  void aBlockListLosesTheItemsLineOnlyAndCrlfIsKept() {
    String yaml = "version: 1\r\nrecipients:\r\n  - a@x.org\r\n  - \"DEADBEEFDEADBEEF\"  # dana\r\n"
        + "  - b@x.org\r\n" + ENVS.replace("\n", "\r\n");

    assertThat(without(yaml, "DEADBEEFDEADBEEF"))
        .isEqualTo("version: 1\r\nrecipients:\r\n  - a@x.org\r\n  - b@x.org\r\n"
            + ENVS.replace("\n", "\r\n"));
  }

  @Test
  void onlyTheRecipientsListIsTouched() {
    String yaml = "version: 1\nrecipients: [a@x.org, dana@x.org]\nsecrets: [dana@x.org]\n" + ENVS;

    assertThat(without(yaml, "dana@x.org"))
        .isEqualTo("version: 1\nrecipients: [a@x.org]\nsecrets: [dana@x.org]\n" + ENVS);
    assertThat(without(yaml, "nobody@x.org")).isEqualTo(yaml);
  }

  @Test
  void aFlowListOverSeveralLinesIsRefusedRatherThanHalfEdited() {
    String yaml = "version: 1\nrecipients: [a@x.org,\n  dana@x.org]\n" + ENVS;

    assertThatThrownBy(() -> without(yaml, "dana@x.org"))
        .isInstanceOf(ManifestException.class)
        .hasMessage("envshift.yml:3: cannot remove recipient 'dana@x.org' from this list; "
            + "edit it by hand");
  }
}
