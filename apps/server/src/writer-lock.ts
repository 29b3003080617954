// One server process per embedded database file: two processes writing one file
// through this driver lose acknowledged writes. The lock is a file beside the
// database holding the owner's process id; a lock left by a process that no
// longer runs (a crash, a SIGKILL) is taken over.
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

export class DatabaseInUseError extends Error {}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as someone else
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function acquireWriterLock(databasePath: string): () => void {
  const lockPath = `${databasePath}.lock`;
  // a database in a folder that does not exist yet is made there (createDb makes the folder too)
  mkdirSync(dirname(lockPath), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, 'wx', 0o600);
      writeSync(fd, String(process.pid));
      closeSync(fd);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        rmSync(lockPath, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number.parseInt(readFileSync(lockPath, 'utf8'), 10);
      if (Number.isInteger(owner) && owner !== process.pid && isRunning(owner)) {
        throw new DatabaseInUseError(
          `another Porchlight server (process ${owner}) is already using ${databasePath}. ` +
            'Two server processes writing one database file lose data. To run several servers, ' +
            'give them a libSQL server instead (DATABASE_URL=libsql://… or http://…; see "The database, and scaling" in the README).',
        );
      }
      // left behind by a process that is gone
      rmSync(lockPath, { force: true });
    }
  }
  throw new DatabaseInUseError(`could not lock ${databasePath}; another server may be starting.`);
}
