package envshift.manifest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text edits of envshift.yml that keep the user's comments and layout: only the lines that name a
 * removed source, or the {@code live:} list that gains a name, change.
 */
public final class ManifestEditor {
  private ManifestEditor() {}

  /**
   * The manifest text without the given sources. A block-list item ({@code - path}) loses its line; a
   * flow list ({@code sources: [a, b]}) loses the item, and becomes {@code []} when emptied.
   */
  public static String withoutSources(String text, Manifest manifest, Set<String> removed) {
    boolean crlf = text.contains("\r\n");
    List<String> lines = new ArrayList<>(Arrays.asList(text.split("\r?\n", -1)));
    List<Integer> drop = new ArrayList<>();
    for (Environment env : manifest.environments()) {
      for (Source source : env.sources()) {
        if (!removed.contains(source.path())) continue;
        int index = source.manifestLine().line() - 1;
        if (index < 0 || index >= lines.size()) continue;
        String line = lines.get(index);
        if (line.strip().startsWith("- ")) {
          drop.add(index);
        } else {
          lines.set(index, withoutFlowItem(line, source.path()));
        }
      }
    }
    drop.stream().sorted((a, b) -> b - a).forEach(i -> lines.remove((int) i));
    return String.join(crlf ? "\r\n" : "\n", lines);
  }

  /**
   * The manifest text with {@code names} appended to {@code environments.ENV.live} (created when
   * absent); names already listed are skipped, so the text comes back unchanged when none is new.
   * A layout that cannot be edited in place is a {@link ManifestException} saying to edit by hand.
   */
  public static String withLive(String text, String env, List<String> names) {
    return LiveEdit.apply(text, ManifestLoader.FILE_NAME, env, names);
  }

  private static String withoutFlowItem(String line, String path) {
    String item = "(?:'" + Pattern.quote(path) + "'|\"" + Pattern.quote(path) + "\"|"
        + Pattern.quote(path) + ")";
    Matcher first = Pattern.compile("\\[\\s*" + item + "\\s*(,\\s*)?").matcher(line);
    if (first.find()) return first.replaceFirst("[");
    return line.replaceFirst("\\s*,\\s*" + item + "(?=\\s*[,\\]])", "");
  }

  /**
   * The manifest text without the {@code recipients:} entries {@code removed} accepts (it is given
   * each entry as written). A block-list item loses its line; a flow list loses the item. Comments
   * and everything else are kept. An entry this cannot edit (a flow list spread over lines) is a
   * {@link ManifestException}, so the caller never writes a half-edited manifest.
   */
  public static String withoutRecipients(String text, String file, Predicate<String> removed) {
    boolean crlf = text.contains("\r\n");
    List<String> lines = new ArrayList<>(Arrays.asList(text.split("\r?\n", -1)));
    Optional<YamlNode> list =
        YamlTree.parse(text.startsWith("\uFEFF") ? text.substring(1) : text, file)
            .filter(YamlNode.Mapping.class::isInstance)
            .flatMap(root -> ((YamlNode.Mapping) root).get("recipients"))
            .map(YamlNode.Mapping.Entry::value)
            .filter(YamlNode.Sequence.class::isInstance);
    List<Integer> drop = new ArrayList<>();
    for (YamlNode item : list.map(n -> ((YamlNode.Sequence) n).items()).orElse(List.of())) {
      if (!(item instanceof YamlNode.Scalar entry) || !removed.test(entry.text())) continue;
      int index = entry.line() - 1;
      String line = lines.get(index);
      if (line.strip().startsWith("- ")) {
        drop.add(index);
        continue;
      }
      String edited = withoutFlowItem(line, entry.text());
      if (edited.equals(line)) {
        throw new ManifestException(file + ":" + entry.line() + ": cannot remove recipient '"
            + entry.text() + "' from this list; edit it by hand");
      }
      lines.set(index, edited);
    }
    drop.stream().sorted((a, b) -> b - a).forEach(i -> lines.remove((int) i));
    return String.join(crlf ? "\r\n" : "\n", lines);
  }
}
