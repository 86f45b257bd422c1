package envshift.access;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import envshift.pgp.Recipient;
import envshift.plan.Json;
import java.util.List;

/**
 * {@code rekey --json}, a stable contract (docs/json.md):
 *
 * <pre>{"files":[{"path":..,"recipients":[{"key_id":..,"fingerprint":..,"user_ids":[..]}],
 * "why":..}],"changes":[..]}</pre>
 *
 * <p>{@code recipients} is whom the file is encrypted to now; {@code why} is null for a file
 * named on the command line, else why it was rekeyed too; {@code changes} is one line per other
 * place changed (blackbox lists, envshift.yml, dev .env files).
 */
public final class RekeyJson {
  private RekeyJson() {}

  public static String render(Rekey.Result result) {
    ObjectNode root = Json.object();
    ArrayNode files = root.putArray("files");
    for (Rekey.RekeyedFile f : result.files()) {
      ObjectNode file = files.addObject();
      file.put("path", f.path());
      file.set("recipients", recipients(f.recipients()));
      Json.put(file, "why", f.why());
    }
    root.set("changes", Json.strings(result.changes()));
    return Json.write(root);
  }

  /** Each recipient as access --json names it: key id, fingerprint, user ids. */
  public static ArrayNode recipients(List<Recipient> recipients) {
    ArrayNode array = Json.object().arrayNode();
    for (Recipient r : recipients) {
      ObjectNode node = array.addObject();
      node.put("key_id", r.keyId().toString());
      node.put("fingerprint", r.fingerprint());
      node.set("user_ids", Json.strings(r.userIds()));
    }
    return array;
  }
}
