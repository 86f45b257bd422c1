package envshift.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import envshift.EnvshiftException;
import envshift.access.AccessReport;
import envshift.pgp.KeyId;
import envshift.pgp.KeyRing;
import envshift.pgp.Recipient;
import envshift.pgp.Recipients;
import envshift.repo.BlackboxLayout;
import envshift.repo.RepoScan;
import envshift.repo.RepoScanner;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code envshift access [--key ID] [--json]}: the offboarding report. */
@Command(
    name = "access",
    mixinStandardHelpOptions = true,
    description = {
      "Who can read each encrypted file (found by content); with --key, every file that key could",
      "read and every variable name in them: the list to rotate when someone leaves.",
      "--json prints {\"key\": ID or null, \"key_ids\": [...], \"files\": [{\"path\": ...,",
      "\"symmetric\": bool, \"recipients\": [{\"key_id\": ..., \"fingerprint\": ... or \"\",",
      "\"user_ids\": [...]}], \"variables\": [...], \"variables_unknown\": reason or null}]};",
      "without --key, key_ids and variables are empty and variables_unknown is null."
    })
final class AccessCommand implements Callable<Integer> {
  @ParentCommand Envshift root;
  @Mixin KeyOptions keys;
  @Mixin RepoOptions repo;

  @Option(names = "--key", paramLabel = "ID", description = "Fingerprint, key id or email.")
  String key;

  @Option(names = "--json", description = "Print JSON (shape above).")
  boolean json;

  @Override
  public Integer call() {
    Context ctx = root.context();
    RepoScan scan = RepoScanner.scan(repo.root(ctx));
    KeyRing ring = keys.keyRing(ctx, scan.blackbox().flatMap(BlackboxLayout::pubring));
    AccessReport report = new AccessReport(scan, ring);
    Set<KeyId> ids = key == null ? Set.of() : Recipients.keyIdsOf(key, ring);
    List<AccessReport.FileAccess> files = key == null ? report.everyFile() : report.readableBy(ids);
    PrintWriter out = root.spec.commandLine().getOut();
    if (json) {
      out.println(json(ids, files));
    } else {
      text(out, files);
    }
    out.flush();
    return 0;
  }

  private void text(PrintWriter out, List<AccessReport.FileAccess> files) {
    if (key != null) {
      out.println(key + " could read " + files.size() + " file(s); rotate these variables:");
    }
    for (AccessReport.FileAccess file : files) {
      out.println(file.path() + (file.symmetric() ? "  (also readable with its passphrase)" : ""));
      file.recipients().forEach(r -> out.println("  " + r.describe()));
      if (key != null) {
        out.println(
            file.variablesUnknown()
                .map(why -> "  variables unknown (" + why + ")")
                .orElse("  variables: " + String.join(", ", file.variables())));
      }
    }
  }

  private String json(Set<KeyId> ids, List<AccessReport.FileAccess> files) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("key", key);
    doc.put("key_ids", ids.stream().map(KeyId::toString).toList());
    doc.put("files", files.stream().map(AccessCommand::json).toList());
    try {
      return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(doc);
    } catch (JsonProcessingException e) {
      throw new EnvshiftException("cannot write JSON", e);
    }
  }

  private static Map<String, Object> json(AccessReport.FileAccess file) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("path", file.path());
    f.put("symmetric", file.symmetric());
    f.put("recipients", file.recipients().stream().map(AccessCommand::json).toList());
    f.put("variables", file.variables());
    f.put("variables_unknown", file.variablesUnknown().orElse(null));
    return f;
  }

  private static Map<String, Object> json(Recipient r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("key_id", r.keyId().toString());
    m.put("fingerprint", r.fingerprint());
    m.put("user_ids", r.userIds());
    return m;
  }
}
