#define _GNU_SOURCE
#include <fcntl.h>
#include <sqlite3.h>
#include <unistd.h>

#include "CSQLiteTuning.h"

int portal_sqlite_disable_memstatus(void) { return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0); }

int portal_sqlite_set_no_checkpoint_on_close(sqlite3 *db, int on) {
  return sqlite3_db_config(db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, on, (int *)0);
}

int portal_start_writeback(const char *path) {
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) return -1;
  int result = sync_file_range(fd, 0, 0, SYNC_FILE_RANGE_WRITE);
  close(fd);
  return result;
}
