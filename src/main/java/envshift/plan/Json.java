package envshift.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import envshift.EnvshiftException;
import java.util.Collection;

/**
 * The JSON plumbing shared by the renderers: trees are built field by field, so key order is the
 * contract's order, and written compact on one line with no trailing newline.
 */
final class Json {
  // Thread-safe once configured; it is never reconfigured.
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}

  static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  static ArrayNode strings(Collection<String> values) {
    ArrayNode array = MAPPER.createArrayNode();
    values.forEach(array::add);
    return array;
  }

  static String write(ObjectNode root) {
    try {
      return MAPPER.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      // A tree of strings and numbers always serialises; this is a bug, not bad input.
      throw new EnvshiftException("cannot write JSON output", e);
    }
  }
}
