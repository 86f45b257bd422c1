package envshift.manifest;

import envshift.manifest.ManifestFile.Env;
import envshift.manifest.ManifestFile.Located;
import envshift.manifest.YamlNode.Mapping;
import envshift.manifest.YamlNode.Scalar;
import envshift.manifest.YamlNode.Sequence;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Adds names to one environment's {@code live:} list by editing lines, so comments and layout stay
 * as the user wrote them: an item appended to a flow list ({@code live: [A]}) or a block list
 * ({@code - A}), a value for an empty {@code live:}, or a new {@code live: [A]} line at the end of
 * the environment's block (or first in a flow mapping). The result is parsed again and must hold
 * the expected list; any layout this cannot edit is an error asking for the edit by hand.
 */
final class LiveEdit {
  private static final Pattern INDENT = Pattern.compile("^[ ]*");
  private static final Pattern ITEM = Pattern.compile("^\\s*-\\s+");
  private static final Pattern EMPTY_VALUE =
      Pattern.compile("^(\\s*live\\s*:)(?:\\s*(?:~|null|Null|NULL))?(\\s+#.*)?\\s*$");
  /** Plain scalars YAML 1.1 would read as a bool or null: quoted. */
  private static final Pattern RESOLVES = Pattern.compile("(?i)y|n|yes|no|true|false|on|off|null");

  private final String file;
  private final String env;
  private final List<String> lines;

  private LiveEdit(String file, String env, List<String> lines) {
    this.file = file;
    this.env = env;
    this.lines = lines;
  }

  static String apply(String text, String file, String env, List<String> names) {
    String bom = text.startsWith("\uFEFF") ? "\uFEFF" : "";
    String body = text.substring(bom.length());
    Mapping.Entry entry = environment(YamlTree.parse(body, file), file, env);
    Mapping envMap = (Mapping) entry.value();
    List<String> listed = listed(envMap);
    Set<String> wanted = new LinkedHashSet<>(names);
    wanted.removeAll(listed);
    if (wanted.isEmpty()) return text;
    List<String> added = List.copyOf(wanted);
    boolean crlf = body.contains("\r\n");
    LiveEdit edit = new LiveEdit(file, env, new ArrayList<>(List.of(body.split("\r?\n", -1))));
    edit.add(entry, added);
    String edited = String.join(crlf ? "\r\n" : "\n", edit.lines);
    List<String> expected = new ArrayList<>(listed);
    expected.addAll(added);
    edit.check(edited, expected);
    return bom + edited;
  }

  private void add(Mapping.Entry entry, List<String> names) {
    Optional<Mapping.Entry> live = ((Mapping) entry.value()).get("live");
    if (live.isEmpty()) {
      addKey(entry, names);
    } else if (live.get().value() instanceof Sequence seq) {
      if (isFlow(seq, live.get())) {
        appendFlow(seq, names);
      } else {
        appendBlock(seq, names);
      }
    } else {
      setEmpty(live.get(), names);
    }
  }

  /** {@code live:} with nothing (or null) after it gets the list as its value. */
  private void setEmpty(Mapping.Entry live, List<String> names) {
    int i = live.line() - 1;
    Matcher m = EMPTY_VALUE.matcher(lines.get(i));
    if (!m.matches()) throw byHand("live: has a value this edit does not understand");
    lines.set(i, m.group(1) + " " + flow(names) + (m.group(2) == null ? "" : m.group(2)));
  }

  private void appendFlow(Sequence seq, List<String> names) {
    int i = seq.line() - 1;
    int open = lines.get(i).indexOf('[');
    for (int j = i; j < lines.size(); j++) {
      String line = lines.get(j);
      int close = line.indexOf(']', j == i ? open + 1 : 0);
      if (close < 0) continue;
      int last = close - 1;
      while (last >= 0 && line.charAt(last) == ' ') last--;
      if (last < 0) throw byHand("live: is a flow list whose ']' starts a line");
      String joined = String.join(", ", names.stream().map(LiveEdit::scalar).toList());
      String head = line.substring(0, last + 1);
      String tail = line.substring(close);
      lines.set(j, head + (line.charAt(last) == '[' ? joined : ", " + joined) + tail);
      return;
    }
    throw byHand("live: is a flow list without ']'");
  }

  /** One {@code - NAME} line per name after the last item, indented like it. */
  private void appendBlock(Sequence seq, List<String> names) {
    if (seq.items().isEmpty()) throw byHand("live: is an empty block list");
    int last = seq.items().get(seq.items().size() - 1).line() - 1;
    Matcher item = ITEM.matcher(lines.get(last));
    if (!item.find()) throw byHand("live: is a block list this edit does not understand");
    String prefix = item.group();
    List<String> added = names.stream().map(n -> prefix + scalar(n)).toList();
    lines.addAll(last + 1, added);
  }

  /**
   * A new key: in a block mapping after the environment's last line (indented like its first
   * key); in a flow mapping, {@code {live: [A], ...}}.
   */
  private void addKey(Mapping.Entry entry, List<String> names) {
    Mapping.Entry first = ((Mapping) entry.value()).entries().get(0);
    int keyLine = entry.line() - 1;
    if (first.line() - 1 == keyLine) {
      String line = lines.get(keyLine);
      Matcher m = Pattern.compile("^(\\s*(?:\"" + Pattern.quote(env) + "\"|'" + Pattern.quote(env)
          + "'|" + Pattern.quote(env) + ")\\s*:\\s*\\{\\s*)(.*)$").matcher(line);
      if (!m.matches()) throw byHand("the environment is written in a layout this edit does not "
          + "understand");
      String rest = m.group(2);
      String key = "live: " + flow(names) + (rest.startsWith("}") ? "" : ", ");
      lines.set(keyLine, m.group(1) + key + rest);
      return;
    }
    String indent = indent(lines.get(first.line() - 1));
    int envIndent = indent(lines.get(keyLine)).length();
    int last = keyLine;
    for (int i = keyLine + 1; i < lines.size(); i++) {
      String line = lines.get(i);
      String stripped = line.strip();
      if (stripped.isEmpty() || stripped.startsWith("#")) continue;
      if (indent(line).length() <= envIndent) break;
      last = i;
    }
    lines.add(last + 1, indent + "live: " + flow(names));
  }

  /** A flow list starts with '[' after {@code live:} (or on the next line); a block list, '-'. */
  private boolean isFlow(Sequence seq, Mapping.Entry live) {
    String line = lines.get(seq.line() - 1);
    String value = seq.line() == live.line() ? line.substring(line.indexOf(':') + 1) : line;
    return value.strip().startsWith("[");
  }

  private void check(String edited, List<String> expected) {
    ManifestFile raw = new ManifestReader(file).read(YamlTree.parse(edited, file));
    List<String> now = raw.environments().orElseThrow().value().stream()
        .filter(e -> e.name().value().equals(env)).findFirst()
        .flatMap(Env::live).map(l -> l.value().stream().map(Located::value).toList())
        .orElse(List.of());
    if (!now.equals(expected)) throw byHand("the edit did not read back as expected");
  }

  private static Mapping.Entry environment(Optional<YamlNode> root, String file, String env) {
    Optional<YamlNode> envs = top(root).get("environments").map(Mapping.Entry::value);
    if (envs.orElse(null) instanceof Mapping m && m.get(env).isPresent()
        && m.get(env).get().value() instanceof Mapping e && !e.entries().isEmpty()) {
      return m.get(env).get();
    }
    throw new ManifestException(file + ": environments." + env + " not found as a mapping; add "
        + "live: to it by hand");
  }

  private static Mapping top(Optional<YamlNode> root) {
    if (root.orElse(null) instanceof Mapping m) return m;
    return new Mapping(List.of(), 1);
  }

  private static List<String> listed(Mapping envMap) {
    Optional<YamlNode> live = envMap.get("live").map(Mapping.Entry::value);
    if (live.orElse(null) instanceof Sequence seq) {
      return seq.items().stream().filter(Scalar.class::isInstance).map(n -> ((Scalar) n).text())
          .toList();
    }
    return List.of();
  }

  private static String indent(String line) {
    Matcher m = INDENT.matcher(line);
    return m.find() ? m.group() : "";
  }

  private static String flow(List<String> names) {
    return "[" + String.join(", ", names.stream().map(LiveEdit::scalar).toList()) + "]";
  }

  /** Config var names are plain scalars, except the few YAML 1.1 reads as booleans or null. */
  private static String scalar(String name) {
    return RESOLVES.matcher(name).matches() ? "\"" + name + "\"" : name;
  }

  private ManifestException byHand(String why) {
    return new ManifestException(file + ": cannot add to environments." + env + ".live in place ("
        + why + "); add the names to it by hand");
  }
}
