package envshift.heroku.fake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The fake's objects use the official schema's field names, no others. The names below were copied
 * by hand from {@code heroku-platform-api-schema.json} (heroku/platform-api schema.json @ d31fba52,
 * {@code definitions.<resource>.properties}); the test cannot read that file because CI keeps it
 * outside the clone. Besides staying inside the schema, each object must carry the fields envshift
 * reads.
 */
@ExtendWith(FakeHerokuExtension.class)
class FakeSchemaShapeTest {
  private static final Set<String> APP = Set.of("acm", "archived_at", "build_stack",
      "buildpack_provided_description", "created_at", "generation", "git_url", "id",
      "internal_routing", "maintenance", "name", "organization", "owner", "region", "released_at",
      "repo_size", "slug_size", "space", "stack", "team", "updated_at", "web_url");
  private static final Set<String> RELEASE = Set.of("addon_plan_names", "app", "artifacts",
      "created_at", "current", "description", "eligible_for_rollback", "id", "output_stream_url",
      "slug", "status", "updated_at", "user", "version");
  private static final Set<String> PIPELINE = Set.of("created_at", "generation", "id", "name",
      "owner", "updated_at");
  private static final Set<String> COUPLING = Set.of("app", "created_at", "id", "pipeline",
      "stage", "updated_at");
  /**
   * The schema's "required" list for add-on (its one optional field, provision_message, left out).
   * 
   */
  private static final Set<String> ADDON_REQUIRED = Set.of("actions", "addon_service", "app",
      "billed_price", "billing_entity", "config_vars", "created_at", "id", "name", "plan",
      "provider_id", "state", "updated_at", "web_url");
  /** config_vars is not in the schema: Accept-Inclusion adds it (Heroku CLI fixtures). */
  private static final Set<String> ATTACHMENT = Set.of("addon", "app", "created_at", "id",
      "log_input_url", "name", "namespace", "updated_at", "web_url");
  private static final Set<String> ACCOUNT = Set.of("allow_tracking", "beta",
      "country_of_residence", "created_at", "default_organization", "default_team",
      "delinquent_at", "email", "federated", "id", "identity_provider", "last_login", "name",
      "sms_number", "suspended_at", "two_factor_authentication", "updated_at", "verified");

  private final OkHttpClient http = new OkHttpClient();
  private final ObjectMapper json = new ObjectMapper();
  private FakeHeroku heroku;
  private String pipelineId;

  @BeforeEach
  void start(FakeHeroku heroku) {
    this.heroku = heroku;
    heroku.createApp("app-1");
    heroku.attachAddon("app-1", "postgresql-shaped-1", Map.of("DATABASE_URL", "postgres://x"));
    pipelineId = heroku.createPipeline("payroll");
    heroku.couple("payroll", "app-1", "staging");
  }

  private JsonNode get(String path) throws IOException {
    Request request = new Request.Builder().url(heroku.url() + path)
        .header("Accept", "application/vnd.heroku+json; version=3")
        .header("Authorization", "Bearer " + FakeHeroku.DEFAULT_TOKEN).build();
    try (Response response = http.newCall(request).execute()) {
      assertThat(response.code()).as(path).isEqualTo(200);
      JsonNode body = json.readTree(response.body().string());
      return body.isArray() ? body.get(0) : body;
    }
  }

  private static List<String> fields(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  @Test
  void appFieldsAreSchemaFields() throws IOException {
    assertThat(fields(get("/apps/app-1"))).containsExactlyInAnyOrderElementsOf(APP);
  }

  @Test
  void releaseFieldsAreSchemaFields() throws IOException {
    assertThat(fields(get("/apps/app-1/releases"))).containsExactlyInAnyOrderElementsOf(RELEASE);
    assertThat(fields(get("/apps/app-1/releases/1"))).containsExactlyInAnyOrderElementsOf(RELEASE);
  }

  @Test
  void pipelineAndCouplingFieldsAreSchemaFields() throws IOException {
    assertThat(fields(get("/pipelines/payroll"))).containsExactlyInAnyOrderElementsOf(PIPELINE);
    assertThat(fields(get("/pipelines/" + pipelineId + "/pipeline-couplings")))
        .containsExactlyInAnyOrderElementsOf(COUPLING);
    assertThat(fields(get("/apps/app-1/pipeline-couplings")))
        .containsExactlyInAnyOrderElementsOf(COUPLING);
  }

  @Test
  void addonFieldsAreTheSchemasRequiredFields() throws IOException {
    assertThat(fields(get("/apps/app-1/addons")))
        .containsExactlyInAnyOrderElementsOf(ADDON_REQUIRED);
  }

  @Test
  void attachmentFieldsAreSchemaFields() throws IOException {
    assertThat(fields(get("/apps/app-1/addon-attachments")))
        .containsExactlyInAnyOrderElementsOf(ATTACHMENT);
  }

  @Test
  void accountFieldsAreSchemaFields() throws IOException {
    assertThat(fields(get("/account"))).containsExactlyInAnyOrderElementsOf(ACCOUNT);
  }
}
