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

#endif
