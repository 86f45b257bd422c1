package envshift.plan;

import static envshift.plan.Fixtures.CANARY;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class PlanJsonTest {
  @Test
  void maskedGolden() {
    assertThat(PlanJson.render(Fixtures.twoApps(true), false))
        .isEqualTo(
            "{\"apps\":["
                + "{\"env\":\"staging\",\"app\":\"payroll-staging\",\"changes\":["
                + "{\"name\":\"NEW_VAR\",\"action\":\"add\",\"old\":null,\"new\":\"<24 chars>\"},"
                + "{\"name\":\"OLD_VAR\",\"action\":\"remove\",\"old\":\"<6 chars>\",\"new\":null},"
                + "{\"name\":\"SECRET_KEY\",\"action\":\"change\",\"old\":\"<12 chars>\","
                + "\"new\":\"<14 chars>\"}],"
                + "\"unchanged\":1,"
                + "\"protected\":[{\"name\":\"DATABASE_URL\",\"addon\":\"heroku-postgresql\"}],"
                + "\"live\":[],\"kept\":[]},"
                + "{\"env\":\"production\",\"app\":\"payroll-prod\",\"changes\":[],\"unchanged\":1,"
                + "\"protected\":[],\"live\":[],\"kept\":[]}],"
                + "\"summary\":{\"add\":1,\"change\":1,\"remove\":1},\"errors\":[]}");
  }

  @Test
  void keptNamesAreListedWithoutPrune() throws Exception {
    var tree = new ObjectMapper().readTree(PlanJson.render(Fixtures.twoApps(false), false));
    assertThat(tree.at("/apps/0/kept").toString()).isEqualTo("[\"OLD_VAR\"]");
    assertThat(tree.at("/summary/remove").asInt()).isZero();
  }

  @Test
  void valuesOnlyWhenRevealed() throws Exception {
    assertThat(PlanJson.render(Fixtures.twoApps(true), false))
        .doesNotContain(CANARY).doesNotContain("old-key").doesNotContain("postgres://");
    var tree = new ObjectMapper().readTree(PlanJson.render(Fixtures.twoApps(true), true));
    assertThat(tree.at("/apps/0/changes/0/new").asText()).isEqualTo(CANARY);
    assertThat(tree.at("/apps/0/changes/2/old").asText()).isEqualTo("old-key-1234");
  }

  @Test
  void addonValuesAreNeverInTheJsonEvenRevealed() {
    assertThat(PlanJson.render(Fixtures.twoApps(true), true)).doesNotContain("postgres://");
  }
}
