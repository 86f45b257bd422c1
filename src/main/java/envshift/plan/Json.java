package envshift.plan;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import envshift.EnvshiftException;
import java.io.IOException;
import java.io.StringWriter;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON plumbing shared by every {@code --json} renderer (docs/json.md): trees are built field
 * by field, so key order is the contract's order, and written compact on one line with no
 * trailing newline ({@code show} and {@code access} keep their indented form). The one
 * ObjectMapper for machine output.
 */
public final class Json {
  /** Built on first use (a holder class): only the compact documents need it. */
  private static final class Mapper {
    // Thread-safe once configured; it is never reconfigured.
    static final ObjectMapper MAPPER = new ObjectMapper();
  }

  /**
   * The streaming layer alone, for the indented documents: the same generator and pretty printer
   * the ObjectMapper would use (so the same bytes), without loading its serializers, which cost a
   * short run such as {@code show --json} more than the rest of its output.
   */
  private static final JsonFactory STREAMING = new JsonFactory();

  private Json() {}

  public static ObjectNode object() {
    return Mapper.MAPPER.createObjectNode();
  }

  public static ArrayNode strings(Collection<String> values) {
    ArrayNode array = Mapper.MAPPER.createArrayNode();
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
    StringWriter text = new StringWriter();
    try (JsonGenerator out = STREAMING.createGenerator(text)) {
      out.useDefaultPrettyPrinter();
      write(out, doc);
    } catch (IOException e) {
      // A StringWriter does not fail: a bug, not bad input.
      throw new EnvshiftException("cannot write JSON output", e);
    }
    return text.toString();
  }

  private static void write(JsonGenerator out, Object value) throws IOException {
    if (value == null) {
      out.writeNull();
    } else if (value instanceof String s) {
      out.writeString(s);
    } else if (value instanceof Boolean b) {
      out.writeBoolean(b);
    } else if (value instanceof Integer i) {
      out.writeNumber(i);
    } else if (value instanceof Long l) {
      out.writeNumber(l);
    } else if (value instanceof Map<?, ?> map) {
      out.writeStartObject();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        out.writeFieldName((String) e.getKey());
        write(out, e.getValue());
      }
      out.writeEndObject();
    } else if (value instanceof Collection<?> items) {
      out.writeStartArray();
      for (Object item : items) {
        write(out, item);
      }
      out.writeEndArray();
    } else {
      // Only the types above are ever put in these documents: a bug, not bad input.
      throw new IllegalArgumentException("no JSON form for " + value.getClass().getSimpleName());
    }
  }

  public static String write(ObjectNode root) {
    try {
      return Mapper.MAPPER.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      // A tree of strings and numbers always serialises; this is a bug, not bad input.
      throw new EnvshiftException("cannot write JSON output", e);
    }
  }
}
