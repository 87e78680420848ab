#ifndef PORTAL_CSQLITETUNING_H
#define PORTAL_CSQLITETUNING_H

#include <sqlite3.h>

/// Turns off SQLite's memory statistics before SQLite initialises (sqlite3_config is
/// variadic, so Swift cannot call it). Every sqlite3_malloc otherwise takes a global
/// mutex: 12 % of an import's database time. Returns SQLite's result code; SQLITE_MISUSE
/// when SQLite was already initialised (then nothing changes, which is harmless).
int portal_sqlite_disable_memstatus(void);

/// Sets whether closing `db` skips the checkpoint SQLite runs when the last connection
/// to a WAL database closes (sqlite3_db_config is variadic, so Swift cannot call it).
/// Returns SQLite's result code.
int portal_sqlite_set_no_checkpoint_on_close(sqlite3 *db, int on);

/// Asks the kernel to start writing the file at `path` to disk without waiting for it
/// (Linux `sync_file_range` with SYNC_FILE_RANGE_WRITE), so a later fsync has little
/// left to wait for. Returns 0, or -1 with errno set.
int portal_start_writeback(const char *path);

#endif
