package envshift.heroku.fake;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * The fake's response objects, shaped after the official schema's definitions (fields named there,
 * plausible values). Only what a client might read is filled in; the rest is null or a constant.
 */
final class FakeJson {
  static final String ACCOUNT_ID = "5f0a4c1e-0000-4000-8000-00000000acc7";
  private final ObjectMapper json = new ObjectMapper();

  ObjectMapper mapper() {
    return json;
  }

  ObjectNode config(Map<String, String> config) {
    ObjectNode node = json.createObjectNode();
    config.forEach(node::put);
    return node;
  }

  ObjectNode error(FakeError error) {
    ObjectNode node = json.createObjectNode();
    if (!error.resource.isEmpty()) {
      node.put("resource", error.resource);
    }
    node.put("id", error.id);
    node.put("message", error.getMessage());
    return node;
  }

  ObjectNode account(String email) {
    ObjectNode node = json.createObjectNode();
    node.put("allow_tracking", true).put("beta", false).put("created_at", "2020-01-01T00:00:00Z")
        .put("email", email).put("federated", false).put("id", ACCOUNT_ID)
        .put("last_login", "2020-01-01T00:00:00Z").put("name", "Fake Developer")
        .putNull("sms_number");
    node.putNull("suspended_at");
    node.putNull("delinquent_at");
    node.put("two_factor_authentication", false).put("updated_at", "2020-01-01T00:00:00Z")
        .put("verified", true);
    node.putNull("default_organization");
    node.putNull("default_team");
    node.putNull("identity_provider");
    node.putNull("country_of_residence");
    return node;
  }

  ObjectNode app(FakeState.AppState app, String ownerEmail) {
    ObjectNode node = json.createObjectNode();
    node.put("acm", false).putNull("archived_at");
    node.putNull("buildpack_provided_description");
    node.set("build_stack", named("heroku-24"));
    node.put("created_at", app.createdAt);
    node.set("generation", named("cedar"));
    node.put("git_url", "https://git.heroku.com/" + app.name + ".git").put("id", app.id);
    node.putNull("internal_routing");
    node.put("maintenance", false).put("name", app.name).putNull("organization");
    node.set("owner", json.createObjectNode().put("email", ownerEmail).put("id", ACCOUNT_ID));
    node.set("region", named("us"));
    node.putNull("released_at");
    node.putNull("repo_size");
    node.putNull("slug_size");
    node.putNull("space");
    node.set("stack", named("heroku-24"));
    node.putNull("team");
    node.put("updated_at", app.createdAt).put("web_url", "https://" + app.name + ".herokuapp.com/");
    return node;
  }

  ObjectNode release(FakeState.AppState app, FakeState.ReleaseState release, boolean current,
      String email) {
    ObjectNode node = json.createObjectNode();
    node.putArray("addon_plan_names");
    node.putArray("artifacts");
    node.set("app", appRef(app));
    node.put("created_at", release.createdAt()).put("description", release.description())
        .put("id", release.id()).put("updated_at", release.createdAt()).putNull("slug");
    node.put("status", release.status());
    node.set("user", json.createObjectNode().put("id", ACCOUNT_ID).put("email", email));
    node.put("version", release.version()).put("current", current).putNull("output_stream_url");
    node.put("eligible_for_rollback", true);
    return node;
  }

  ObjectNode addon(FakeState.AppState app, FakeState.AddonState addon) {
    ObjectNode node = json.createObjectNode();
    node.putArray("actions");
    node.set("addon_service", named(addon.name().replaceAll("-[^-]*$", "")));
    node.set("app", appRef(app));
    node.putNull("billed_price");
    node.set("billing_entity",
        json.createObjectNode().put("id", app.id).put("name", app.name).put("type", "app"));
    addon.configVars().forEach(node.putArray("config_vars")::add);
    node.put("created_at", addon.createdAt()).put("id", addon.id()).put("name", addon.name());
    node.set("plan", named(addon.name().replaceAll("-[^-]*$", "") + ":standard-0"));
    node.put("provider_id", "resource" + Math.abs(addon.id().hashCode()));
    node.put("state", "provisioned").put("updated_at", addon.createdAt()).putNull("web_url");
    return node;
  }

  ObjectNode attachment(FakeState.AppState app, FakeState.AddonState addon, boolean withVars) {
    ObjectNode node = json.createObjectNode();
    ObjectNode addonRef = json.createObjectNode().put("id", addon.id()).put("name", addon.name());
    addonRef.set("app", appRef(app));
    node.set("addon", addonRef);
    node.set("app", appRef(app));
    node.put("created_at", addon.createdAt()).put("id", addon.attachmentId())
        .putNull("log_input_url");
    node.put("name", addon.attachmentName()).putNull("namespace");
    node.put("updated_at", addon.createdAt()).putNull("web_url");
    if (withVars) {
      // Accept-Inclusion: addon:plan,config_vars adds these (not in the schema; CLI fixtures).
      addonRef.set("plan", named(addon.name().replaceAll("-[^-]*$", "") + ":standard-0"));
      addon.configVars().forEach(node.putArray("config_vars")::add);
    }
    return node;
  }

  ObjectNode pipeline(FakeState.PipelineState pipeline) {
    ObjectNode node = json.createObjectNode();
    node.put("created_at", pipeline.createdAt()).put("id", pipeline.id())
        .put("name", pipeline.name());
    node.set("owner", json.createObjectNode().put("id", ACCOUNT_ID).put("type", "user"));
    node.put("updated_at", pipeline.createdAt());
    node.set("generation", named("cedar"));
    return node;
  }

  ObjectNode coupling(FakeState.CouplingState coupling) {
    ObjectNode node = json.createObjectNode();
    node.set("app", json.createObjectNode().put("id", coupling.appId()));
    node.put("created_at", coupling.createdAt()).put("id", coupling.id());
    node.set("pipeline", json.createObjectNode().put("id", coupling.pipelineId()));
    node.put("stage", coupling.stage()).put("updated_at", coupling.createdAt());
    return node;
  }

  private ObjectNode appRef(FakeState.AppState app) {
    return json.createObjectNode().put("id", app.id).put("name", app.name);
  }

  private ObjectNode named(String name) {
    return json.createObjectNode()
        .put("id", java.util.UUID.nameUUIDFromBytes(name.getBytes()).toString()).put("name", name);
  }
}
