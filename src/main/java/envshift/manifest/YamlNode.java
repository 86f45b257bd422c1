package envshift.manifest;

import java.util.List;
import java.util.Optional;

/**
 * A YAML value with the line it starts on. Jackson's tree model drops locations, and every manifest
 * error must say {@code envshift.yml:LINE:}, so the loader builds this small tree instead.
 */
sealed interface YamlNode {
  int line();

  /** "a string", "a list"...: for "expected X, found Y" messages. */
  String describe();

  record Scalar(String text, Kind kind, int line) implements YamlNode {
    enum Kind {
      STRING,
      INT,
      FLOAT,
      BOOL,
      NULL
    }

    @Override
    public String describe() {
      return switch (kind) {
        case STRING -> "a string";
        case INT, FLOAT -> "a number";
        case BOOL -> "a boolean";
        case NULL -> "nothing (null)";
      };
    }
  }

  record Sequence(List<YamlNode> items, int line) implements YamlNode {
    public Sequence {
      items = List.copyOf(items);
    }

    @Override
    public String describe() {
      return "a list";
    }
  }

  record Mapping(List<Entry> entries, int line) implements YamlNode {
    /** One {@code key: value} pair; {@code line} is the key's line. */
    record Entry(String key, int line, YamlNode value) {}

    public Mapping {
      entries = List.copyOf(entries);
    }

    Optional<Entry> get(String key) {
      return entries.stream().filter(e -> e.key().equals(key)).findFirst();
    }

    @Override
    public String describe() {
      return "a mapping";
    }
  }
}
