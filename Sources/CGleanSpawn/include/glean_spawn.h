#ifndef GLEAN_SPAWN_H
#define GLEAN_SPAWN_H

#include <sys/types.h>

/// Starts `argv[0]` (a path) with `argv` in `directory`, in a new process group, with its
/// standard input, output and error connected to new pipes. On Linux the child also gets
/// SIGKILL when the parent dies (PR_SET_PDEATHSIG), so a plugin never outlives Glean.
///
/// On success returns the child's pid and stores the parent's ends of the pipes in
/// `stdin_fd` (write), `stdout_fd` (read) and `stderr_fd` (read). On failure returns -1 and
/// stores the errno in `error_number`; if exec itself fails the child reports its errno
/// through a close-on-exec pipe, so a missing or non-executable command fails here.
pid_t glean_spawn(const char *const argv[], const char *directory, int *stdin_fd, int *stdout_fd,
                  int *stderr_fd, int *error_number);

/// Sends `signal` to the process group `pid` leads.
int glean_kill_group(pid_t pid, int signal);

/// Reaps `pid` if it has exited; returns 1 and its status when reaped, 0 when still running,
/// -1 on error.
int glean_try_wait(pid_t pid, int *status);

/// Resident memory of `pid` in kilobytes (Linux, from /proc), or -1.
long glean_rss_kb(pid_t pid);

#endif
