package envshift.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {
  /** The indented documents are written without the ObjectMapper, and must not change a byte. */
  @Test
  void indentedIsByteForByteWhatTheObjectMapperWrites() throws Exception {
    Map<String, Object> inner = new LinkedHashMap<>();
    inner.put("PLAIN", "value");
    inner.put("CONTROL", "a\u0000b\u001f\t\n\r\b\f\u007f\"\\/");
    inner.put("UNICODE", "é ☃ \uD83D\uDE00 \u2028\u2029");
    inner.put("EMPTY", "");
    inner.put("NULL", null);
    inner.put("TRUE", true);
    inner.put("NUMBER", 42);
    inner.put("LONG", 1L << 40);
    inner.put("LIST", List.of("a", "b"));
    inner.put("EMPTY_LIST", List.of());
    inner.put("NULLS", new ArrayList<>(Arrays.asList(null, "x")));
    inner.put("EMPTY_MAP", Map.of());
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("env", inner);
    doc.put("k\"ey\n", List.of(Map.of("a", 1)));
    doc.put("none", new LinkedHashMap<>());

    String expected =
        new ObjectMapper().writer(SerializationFeature.INDENT_OUTPUT).writeValueAsString(doc);
    assertThat(Json.writeIndented(doc)).isEqualTo(expected);
  }
}
