package envshift.manifest;

import envshift.manifest.ManifestFile.Env;
import envshift.manifest.ManifestFile.Heroku;
import envshift.manifest.ManifestFile.Located;
import envshift.manifest.ManifestFile.Rename;
import envshift.manifest.ManifestFile.SourceEntry;
import envshift.manifest.YamlNode.Mapping;
import envshift.manifest.YamlNode.Scalar;
import envshift.manifest.YamlNode.Sequence;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns the YAML tree into a {@link ManifestFile}, strictly: an unknown key or a value of the wrong
 * type is an error naming its line and YAML path (a lenient reader lets typos like {@code sorces}
 * through silently).
 */
final class ManifestReader {
  static final List<String> TOP_KEYS =
      List.of("version", "recipients", "environments", "rename", "drop", "secrets", "same",
          "env_specific");
  static final List<String> ENV_KEYS = List.of("sources", "dotenv", "heroku", "live");
  static final List<String> HEROKU_KEYS = List.of("app", "pipeline", "stage");
  static final List<String> SOURCE_KEYS = List.of("file", "dialect", "as");

  private final String file;

  ManifestReader(String file) {
    this.file = file;
  }

  ManifestFile read(Optional<YamlNode> root) {
    YamlNode node = root.orElseThrow(
        () -> error(1, "the manifest is empty (expected version: 1 and environments:)"));
    Mapping top = mapping(node, "the manifest");
    checkKeys(top, "", TOP_KEYS);
    return new ManifestFile(
        top.line(),
        value(top, "version").map(n -> version(n)),
        value(top, "recipients").map(n -> strings(n, "recipients")),
        value(top, "environments").map(this::environments),
        value(top, "rename").map(this::renames).orElse(List.of()),
        value(top, "drop").map(n -> strings(n, "drop").value()).orElse(List.of()),
        value(top, "secrets").map(n -> strings(n, "secrets")),
        value(top, "same").map(n -> strings(n, "same").value()).orElse(List.of()),
        value(top, "env_specific").map(n -> strings(n, "env_specific").value()).orElse(List.of()));
  }

  private Located<String> version(YamlNode node) {
    if (node instanceof Scalar s && s.kind() == Scalar.Kind.INT) {
      return new Located<>(s.text(), s.line());
    }
    throw wrongType(node, "version", "a number");
  }

  private Located<List<Env>> environments(YamlNode node) {
    Mapping envs = mapping(node, "environments");
    List<Env> out = new ArrayList<>();
    for (Mapping.Entry e : envs.entries()) {
      String path = "environments." + e.key();
      Mapping env = isNull(e.value()) ? new Mapping(List.of(), e.line()) : mapping(e.value(), path);
      checkKeys(env, path, ENV_KEYS);
      out.add(new Env(
          new Located<>(e.key(), e.line()),
          value(env, "sources").map(n -> sources(n, path + ".sources")),
          value(env, "dotenv").map(n -> string(n, path + ".dotenv")),
          value(env, "heroku").map(n -> heroku(n, path + ".heroku")),
          value(env, "live").map(n -> strings(n, path + ".live"))));
    }
    return new Located<>(out, envs.line());
  }

  /** Each entry a path, or a mapping with {@code file:} and one of {@code dialect:}/{@code as:}. */
  private Located<List<SourceEntry>> sources(YamlNode node, String path) {
    if (!(node instanceof Sequence seq)) throw wrongType(node, path, "a list");
    List<SourceEntry> out = new ArrayList<>();
    for (int i = 0; i < seq.items().size(); i++) {
      YamlNode item = seq.items().get(i);
      String at = path + "[" + i + "]";
      if (!(item instanceof Mapping m)) {
        out.add(new SourceEntry(string(item, at), Optional.empty(), Optional.empty()));
        continue;
      }
      checkKeys(m, at, SOURCE_KEYS);
      Located<String> file = value(m, "file").map(n -> string(n, at + ".file"))
          .orElseThrow(() -> error(m.line(), at + ": missing file (expected {file: PATH, "
              + "dialect: compose | python} or {file: PATH, as: NAME})"));
      out.add(new SourceEntry(file, value(m, "dialect").map(n -> string(n, at + ".dialect")),
          value(m, "as").map(n -> string(n, at + ".as"))));
    }
    return new Located<>(out, seq.line());
  }

  private Heroku heroku(YamlNode node, String path) {
    if (!(node instanceof Mapping m)) {
      throw wrongType(node, path, "a mapping (app: NAME, or pipeline: NAME and stage: STAGE)");
    }
    checkKeys(m, path, HEROKU_KEYS);
    return new Heroku(
        m.line(),
        value(m, "app").map(n -> string(n, path + ".app")),
        value(m, "pipeline").map(n -> string(n, path + ".pipeline")),
        value(m, "stage").map(n -> string(n, path + ".stage")));
  }

  private List<Rename> renames(YamlNode node) {
    Mapping m = mapping(node, "rename");
    List<Rename> out = new ArrayList<>();
    for (Mapping.Entry e : m.entries()) {
      out.add(new Rename(new Located<>(e.key(), e.line()), string(e.value(), "rename." + e.key())));
    }
    return out;
  }

  private Located<List<Located<String>>> strings(YamlNode node, String path) {
    if (!(node instanceof Sequence seq)) throw wrongType(node, path, "a list");
    List<Located<String>> out = new ArrayList<>();
    for (int i = 0; i < seq.items().size(); i++) {
      out.add(string(seq.items().get(i), path + "[" + i + "]"));
    }
    return new Located<>(out, seq.line());
  }

  /** A string; numbers are taken as written, so a key ID like 12345678 stays a string. */
  private Located<String> string(YamlNode node, String path) {
    if (node instanceof Scalar s
        && (s.kind() == Scalar.Kind.STRING || s.kind() == Scalar.Kind.INT
            || s.kind() == Scalar.Kind.FLOAT)) {
      return new Located<>(s.text(), s.line());
    }
    throw wrongType(node, path, "a string");
  }

  private Mapping mapping(YamlNode node, String path) {
    if (node instanceof Mapping m) return m;
    throw wrongType(node, path, "a mapping");
  }

  private void checkKeys(Mapping m, String path, List<String> known) {
    for (Mapping.Entry e : m.entries()) {
      if (!known.contains(e.key())) {
        String where = path.isEmpty() ? "at the top level" : "in " + path;
        throw error(e.line(), "unknown key '" + e.key() + "' " + where
            + " (expected: " + String.join(", ", known) + ")");
      }
    }
  }

  /** The value under {@code key}, treating {@code key:} with nothing after it as absent. */
  private static Optional<YamlNode> value(Mapping m, String key) {
    return m.get(key).map(Mapping.Entry::value).filter(v -> !isNull(v));
  }

  private static boolean isNull(YamlNode node) {
    return node instanceof Scalar s && s.kind() == Scalar.Kind.NULL;
  }

  private ManifestException wrongType(YamlNode node, String path, String expected) {
    return error(node.line(), path + ": expected " + expected + ", found " + node.describe());
  }

  private ManifestException error(int line, String message) {
    return new ManifestException(file + ":" + line + ": " + message);
  }
}
