package envshift.manifest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import envshift.manifest.YamlNode.Mapping;
import envshift.manifest.YamlNode.Scalar;
import envshift.manifest.YamlNode.Sequence;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads YAML text into {@link YamlNode}s through Jackson's streaming parser, which knows the line
 * of every token. It also refuses what the streaming parser lets through silently: duplicate keys
 * (the last would win), aliases (reported as the alias name, not its value) and extra documents.
 */
final class YamlTree {
  private static final YAMLFactory FACTORY = new YAMLFactory();

  private final JsonParser parser;
  private final String file;

  private YamlTree(JsonParser parser, String file) {
    this.parser = parser;
    this.file = file;
  }

  /** The document's root node, or empty for an empty document. */
  static Optional<YamlNode> parse(String text, String file) {
    try (JsonParser parser = FACTORY.createParser(text)) {
      YamlTree tree = new YamlTree(parser, file);
      JsonToken first = parser.nextToken();
      if (first == null) return Optional.empty();
      YamlNode root = tree.read(first);
      if (parser.nextToken() != null) {
        throw tree.error(tree.line(), "more than one YAML document (remove the second '---')");
      }
      return Optional.of(root);
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      throw new ManifestException(
          file + ":" + Math.max(line, 1) + ": invalid YAML: " + problem(e), e);
    } catch (IOException e) {
      throw new ManifestException(file + ": cannot read: " + e.getClass().getSimpleName(), e);
    }
  }

  private YamlNode read(JsonToken token) throws IOException {
    int line = line();
    if (parser instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
      throw error(line, "YAML aliases (*name) are not supported: write the value out");
    }
    switch (token) {
      case START_OBJECT:
        return mapping(line);
      case START_ARRAY:
        List<YamlNode> items = new ArrayList<>();
        for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
          items.add(read(t));
        }
        return new Sequence(items, line);
      case VALUE_STRING:
        return new Scalar(parser.getText(), Scalar.Kind.STRING, line);
      case VALUE_NUMBER_INT:
        return new Scalar(parser.getText(), Scalar.Kind.INT, line);
      case VALUE_NUMBER_FLOAT:
        return new Scalar(parser.getText(), Scalar.Kind.FLOAT, line);
      case VALUE_TRUE:
      case VALUE_FALSE:
        return new Scalar(parser.getText(), Scalar.Kind.BOOL, line);
      case VALUE_NULL:
        return new Scalar("", Scalar.Kind.NULL, line);
      default:
        throw error(line, "unsupported YAML value (" + token + ")");
    }
  }

  private Mapping mapping(int line) throws IOException {
    List<Mapping.Entry> entries = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
      String key = parser.currentName();
      int keyLine = line();
      Integer first = seen.putIfAbsent(key, keyLine);
      if (first != null) {
        throw error(keyLine, "duplicate key '" + key + "' (first at line " + first + ")");
      }
      entries.add(new Mapping.Entry(key, keyLine, read(parser.nextToken())));
    }
    return new Mapping(entries, line);
  }

  private int line() {
    return parser.currentTokenLocation().getLineNr();
  }

  private ManifestException error(int line, String message) {
    return new ManifestException(file + ":" + line + ": " + message);
  }

  /** SnakeYAML's problem ("expected ',' or ']'"), without the context lines quoting the input. */
  private static String problem(JsonProcessingException e) {
    if (e.getCause() instanceof org.yaml.snakeyaml.error.MarkedYAMLException marked
        && marked.getProblem() != null) {
      return marked.getProblem().strip();
    }
    String message = e.getOriginalMessage();
    return message == null ? "syntax error" : message.lines().findFirst().orElse("syntax error");
  }
}
