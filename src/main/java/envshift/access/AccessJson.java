package envshift.access;

import envshift.access.AccessReport.FileAccess;
import envshift.access.AccessReport.Report;
import envshift.access.AccessReport.Version;
import envshift.pgp.KeyId;
import envshift.pgp.Recipient;
import envshift.plan.Json;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The access report as JSON, a stable contract (fields are only ever added): {@code {"key",
 * "key_ids", "history_read", "files": [{"path", "symmetric", "recipients": [{"key_id",
 * "fingerprint", "user_ids"}], "variables", "variables_unknown", "present", "readable_now",
 * "versions": [{"commit", "date"}], "unchanged", "unchanged_unknown"}]}}.
 */
public final class AccessJson {
  private AccessJson() {}

  public static String render(Report report) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("key", report.key().orElse(null));
    doc.put("key_ids", report.keyIds().stream().map(KeyId::toString).toList());
    doc.put("history_read", report.historyRead());
    doc.put("files", report.files().stream().map(AccessJson::file).toList());
    return Json.writeIndented(doc);
  }

  private static Map<String, Object> file(FileAccess file) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("path", file.path());
    f.put("symmetric", file.symmetric());
    f.put("recipients", file.recipients().stream().map(AccessJson::recipient).toList());
    f.put("variables", file.variables());
    f.put("variables_unknown", file.variablesUnknown().orElse(null));
    f.put("present", file.present());
    f.put("readable_now", file.readableNow());
    f.put("versions", file.versions().stream().map(AccessJson::version).toList());
    f.put("unchanged", file.unchanged());
    f.put("unchanged_unknown", file.unchangedUnknown().orElse(null));
    return f;
  }

  private static Map<String, Object> recipient(Recipient r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("key_id", r.keyId().toString());
    m.put("fingerprint", r.fingerprint());
    m.put("user_ids", r.userIds());
    return m;
  }

  private static Map<String, Object> version(Version v) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("commit", v.commit().orElse(null));
    m.put("date", v.date().map(Instant::toString).orElse(null));
    return m;
  }
}
