package envshift.push;

import static org.assertj.core.api.Assertions.assertThat;

import envshift.Secret;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApplierTest {
  @Test
  void whatMovedSinceThePlanIsNamedNeverShownAndCappedAtFiveNames() {
    Map<String, Secret> before = new LinkedHashMap<>();
    Map<String, Secret> now = new LinkedHashMap<>();
    before.put("SAME", Secret.of("1"));
    now.put("SAME", Secret.of("1"));
    before.put("CHANGED", Secret.of("CANARY-old"));
    now.put("CHANGED", Secret.of("CANARY-new"));
    before.put("GONE", Secret.of("x"));
    now.put("ADDED", Secret.of("y"));

    assertThat(Applier.moved(before, now)).isEqualTo("ADDED, CHANGED, GONE");

    for (int i = 1; i <= 5; i++) {
      now.put("NEW_" + i, Secret.of("v"));
    }
    assertThat(Applier.moved(before, now))
        .isEqualTo("ADDED, CHANGED, GONE, NEW_1, NEW_2 and 3 more");
  }
}
