package envshift.heroku;

import com.fasterxml.jackson.databind.JsonNode;
import envshift.Secret;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the few fields envshift needs out of Platform API objects. A missing or mistyped field is a
 * {@link HerokuApiException} naming the field, never quoting the body.
 */
final class Responses {
  private final ApiErrors errors;

  Responses(ApiErrors errors) {
    this.errors = errors;
  }

  /** A config-vars object, in the order received. Values must be strings. */
  Map<String, Secret> config(Subject subject, JsonNode node) {
    if (!node.isObject()) {
      throw bad(subject, "config vars are not a JSON object");
    }
    Map<String, Secret> config = new LinkedHashMap<>();
    node.properties().forEach(entry -> {
      if (!entry.getValue().isTextual()) {
        throw bad(subject, "config var " + entry.getKey() + " is not a string");
      }
      config.put(entry.getKey(), Secret.of(entry.getValue().textValue()));
    });
    return Collections.unmodifiableMap(config);
  }

  App app(Subject subject, JsonNode node) {
    return new App(text(subject, node, "id"), text(subject, node, "name"));
  }

  Pipeline pipeline(Subject subject, JsonNode node) {
    return new Pipeline(text(subject, node, "id"), text(subject, node, "name"));
  }

  Release release(Subject subject, JsonNode node) {
    JsonNode version = node.get("version");
    if (version == null || !version.canConvertToInt()) {
      throw bad(subject, "release without a version");
    }
    return new Release(version.intValue(), optionalText(node, "description"),
        optionalText(node, "status"), optionalText(node, "created_at"));
  }

  /** The stage and the app id of a pipeline coupling (the API sends no app name there). */
  String couplingStage(Subject subject, JsonNode node) {
    return text(subject, node, "stage");
  }

  String couplingAppId(Subject subject, JsonNode node) {
    JsonNode app = node.get("app");
    if (app == null || !app.isObject()) {
      throw bad(subject, "pipeline coupling without an app");
    }
    return text(subject, app, "id");
  }

  /** Names in a {@code config_vars} array, or empty when the field is absent (not included). */
  Optional<Iterable<JsonNode>> configVarNames(JsonNode node) {
    JsonNode names = node.get("config_vars");
    return names != null && names.isArray() ? Optional.of(names) : Optional.empty();
  }

  String text(Subject subject, JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual()) {
      throw bad(subject, "missing field '" + field + "'");
    }
    return value.textValue();
  }

  private static String optionalText(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value != null && value.isTextual() ? value.textValue() : "";
  }

  private HerokuApiException bad(Subject subject, String what) {
    return errors.badResponse(subject, what, Optional.empty(), null);
  }
}
