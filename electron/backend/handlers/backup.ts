import type { Handlers } from '../dispatch';
import type { Backend } from '../backend';
import type { backupCalls } from '../../../shared/contract/backup';
import { AUTO_BACKUP_MINUTES } from '../services/backup-service';

/** Backup calls: they work in recovery mode too (the data file damaged at start), where nothing else does. */
export function backupHandlers(b: Backend): Pick<Handlers, keyof typeof backupCalls> {
  const status = () => ({
    damaged: b.damaged(),
    backups: b.backups.list(),
    folder: b.backups.folder,
    autoEveryMinutes: AUTO_BACKUP_MINUTES,
    keep: b.backups.keep,
    publicationHold: b.publicationHold(),
  });
  return {
    'backup.status': status,
    'backup.create': () => b.backupNow('manual'),
    'backup.saveTo': (i) => b.backupTo(i.path, i.replace ?? false),
    'backup.restore': (i) => b.restore(i.name),
    'backup.releaseHold': (i) => {
      b.releaseHold(i.by ?? '');
      return status();
    },
  };
}
