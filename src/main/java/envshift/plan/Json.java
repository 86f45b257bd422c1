package envshift.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import envshift.EnvshiftException;
import java.util.Collection;
import java.util.Optional;

/**
 * The JSON plumbing shared by every {@code --json} renderer (docs/json.md): trees are built field
 * by field, so key order is the contract's order, and written compact on one line with no
 * trailing newline ({@code show} and {@code access} keep their indented form). The one
 * ObjectMapper for machine output.
 */
public final class Json {
  // Thread-safe once configured; it is never reconfigured.
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}

  public static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  public static ArrayNode strings(Collection<String> values) {
    ArrayNode array = MAPPER.createArrayNode();
    values.forEach(array::add);
    return array;
  }

  /** {@code key: value}, or {@code key: null} when absent. */
  public static ObjectNode put(ObjectNode node, String key, Optional<?> value) {
    if (value.isEmpty()) {
      return node.putNull(key);
    }
    Object v = value.get();
    if (v instanceof Integer i) {
      return node.put(key, i);
    }
    return node.put(key, v.toString());
  }

  /**
   * Indented, for the two documents that always were ({@code show}, {@code access}): maps and
   * lists of strings, numbers, booleans and nulls.
   */
  public static String writeIndented(Object doc) {
    try {
      return MAPPER.writer(SerializationFeature.INDENT_OUTPUT).writeValueAsString(doc);
    } catch (JsonProcessingException e) {
      // Such a tree always serialises: a bug, not bad input.
      throw new EnvshiftException("cannot write JSON output", e);
    }
  }

  public static String write(ObjectNode root) {
    try {
      return MAPPER.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      // A tree of strings and numbers always serialises; this is a bug, not bad input.
      throw new EnvshiftException("cannot write JSON output", e);
    }
  }
}
