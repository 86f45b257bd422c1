package envshift.cli;

import envshift.pgp.KeyRing;
import envshift.pgp.Recipient;
import envshift.push.BackupStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import picocli.CommandLine.Option;

/** Where the encrypted backup taken before each write goes, or --no-backup. */
final class BackupOptions {
  @Option(names = "--backup-dir", paramLabel = "DIR",
      description = "Folder for encrypted backups (default: $XDG_STATE_HOME/envshift/backups).")
  Path backupDir;

  @Option(names = "--no-backup", description = "Do not back up the live config before writing.")
  boolean noBackup;

  /** Where to back up, or empty with --no-backup; recipients are resolved only when needed. */
  Optional<BackupStore> store(
      Context ctx, Supplier<List<Recipient>> recipients, KeyRing keys, Clock clock) {
    if (noBackup) return Optional.empty();
    Path dir = backupDir != null
        ? ctx.cwd().resolve(backupDir)
        : BackupStore.defaultDir(ctx.env(), ctx.home());
    return Optional.of(new BackupStore(dir, recipients.get(), keys, clock));
  }
}
