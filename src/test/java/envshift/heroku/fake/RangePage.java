package envshift.heroku.fake;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Heroku's Range pagination: {@code Range: <field> [[]start]..[end][; max=N[, order=asc|desc]]}.
 * A page that leaves items behind is a 206 with {@code Next-Range}; the last page has no Next-Range
 * (clients follow it while present). Bad ranges are 416. With {@code ignoreOrder} an {@code
 * order=desc} is accepted but not honoured, as by a misbehaving proxy: items come ascending.
 */
final class RangePage {
  static final int DEFAULT_MAX = 200;
  static final int MAX_MAX = 1000;
  private static final Pattern RANGE =
      Pattern.compile("\\s*(\\w+)\\s*(\\]?)([^.;\\s]*)\\.\\.([^;\\s]*)\\s*(?:;(.*))?");

  /** A list item with the values of its sortable fields (Long for numbers, else String). */
  record Item(Map<String, Object> keys, JsonNode json) {}

  record Page(int status, List<JsonNode> items, Map<String, String> headers) {}

  private RangePage() {}

  /** {@code fields}: the sortable fields, the first being the default. */
  static Page page(String header, List<String> fields, List<Item> items, int pageSize,
      boolean ignoreOrder) {
    String field = fields.get(0);
    String start = "";
    String end = "";
    boolean exclusive = false;
    int max = DEFAULT_MAX;
    boolean desc = false;
    if (header != null && !header.isBlank()) {
      Matcher m = RANGE.matcher(header);
      if (!m.matches() || !fields.contains(m.group(1))) {
        throw unsatisfiable();
      }
      field = m.group(1);
      exclusive = !m.group(2).isEmpty();
      start = m.group(3);
      end = m.group(4);
      for (String param : (m.group(5) == null ? "" : m.group(5)).split("[,;]")) {
        String[] kv = param.strip().split("=", 2);
        if (kv.length == 2 && kv[0].equals("max")) {
          max = parseMax(kv[1].strip());
        } else if (kv.length == 2 && kv[0].equals("order")) {
          desc = order(kv[1].strip()) && !ignoreOrder;
        }
      }
    }
    return slice(items, field, start, end, exclusive, desc, max, pageSize, fields);
  }

  private static Page slice(List<Item> items, String field, String start, String end,
      boolean exclusive, boolean desc, int max, int pageSize, List<String> fields) {
    String sortField = field;
    Comparator<Object> byKey = RangePage::compare;
    Comparator<Item> order = Comparator.comparing(item -> item.keys().get(sortField), byKey);
    List<Item> sorted = new ArrayList<>(items);
    sorted.sort(desc ? order.reversed() : order);
    int sign = desc ? -1 : 1;
    List<Item> selected = sorted.stream().filter(item -> {
      Object key = item.keys().get(sortField);
      boolean afterStart =
          start.isEmpty() || sign * compare(key, typed(start, key)) > (exclusive ? 0 : -1);
      boolean beforeEnd = end.isEmpty() || sign * compare(key, typed(end, key)) <= 0;
      return afterStart && beforeEnd;
    }).toList();
    int size = Math.min(max, pageSize);
    List<Item> page = selected.subList(0, Math.min(size, selected.size()));
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Accept-Ranges", String.join(", ", fields));
    if (!page.isEmpty()) {
      headers.put("Content-Range", field + " " + page.get(0).keys().get(field) + ".."
          + page.get(page.size() - 1).keys().get(field) + "; max=" + max);
    }
    boolean truncated = selected.size() > page.size();
    if (truncated) {
      headers.put("Next-Range", field + " ]" + page.get(page.size() - 1).keys().get(field)
          + "..; max=" + max + (desc ? ", order=desc" : ""));
    }
    return new Page(truncated ? 206 : 200, page.stream().map(Item::json).toList(), headers);
  }

  private static Object typed(String bound, Object like) {
    if (!(like instanceof Long)) {
      return bound;
    }
    try {
      return Long.parseLong(bound);
    } catch (NumberFormatException e) {
      throw unsatisfiable();
    }
  }

  private static int compare(Object a, Object b) {
    if (a instanceof Long x && b instanceof Long y) {
      return Long.compare(x, y);
    }
    return String.valueOf(a).compareTo(String.valueOf(b));
  }

  private static int parseMax(String value) {
    try {
      int max = Integer.parseInt(value);
      if (max >= 1 && max <= MAX_MAX) {
        return max;
      }
    } catch (NumberFormatException e) {
      // falls through to 416
    }
    throw unsatisfiable();
  }

  private static boolean order(String value) {
    if (!value.equals("asc") && !value.equals("desc")) {
      throw unsatisfiable();
    }
    return value.equals("desc");
  }

  private static FakeError unsatisfiable() {
    return new FakeError(416, "requested_range_not_satisfiable", "Invalid Range header.", "");
  }
}
