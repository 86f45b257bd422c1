package envshift.heroku;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import envshift.Secret;
import envshift.heroku.fake.FakeHeroku;
import envshift.heroku.fake.FakeHerokuExtension;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Pipeline stage config vars: addressed by the pipeline's UUID, null removes, no release. */
@ExtendWith(FakeHerokuExtension.class)
class StageConfigVarsTest {
  private FakeHeroku heroku;
  private HerokuClient client;
  private Pipeline shop;

  @BeforeEach
  void start(FakeHeroku heroku) {
    this.heroku = heroku;
    client = heroku.client();
    shop = new Pipeline(heroku.createPipeline("shop"), "shop");
  }

  @Test
  void readsAndPatchesByPipelineIdWithNullRemoving() {
    heroku.setStageConfig("shop", "review", Map.of("OLD", "1", "KEEP", "k"));
    Map<String, Optional<Secret>> changes = new LinkedHashMap<>();
    changes.put("NEW", Optional.of(Secret.of("n")));
    changes.put("OLD", Optional.empty());

    Map<String, Secret> after = client.patchStageConfigVars(shop, "review", changes);

    assertThat(after.keySet()).containsExactlyInAnyOrder("KEEP", "NEW");
    assertThat(client.stageConfigVars(shop, "review").get("NEW").reveal()).isEqualTo("n");
    assertThat(client.stageConfigVars(shop, "test")).isEmpty();
    assertThat(heroku.requests()).extracting(r -> r.method() + " " + r.path())
        .contains("PATCH /pipelines/" + shop.id() + "/stage/review/config-vars");
  }

  @Test
  void anUnknownPipelineIsNamed() {
    Pipeline gone = new Pipeline("00000000-0000-4000-8000-000000000000", "gone");

    assertThatThrownBy(() -> client.stageConfigVars(gone, "review"))
        .isInstanceOf(HerokuApiException.class)
        .hasMessage("heroku: pipeline 'gone' not found or not accessible (404 not_found)");
  }
}
