#define _GNU_SOURCE
#include "glean_spawn.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif

static void close_pair(int pair[2]) {
    if (pair[0] >= 0) close(pair[0]);
    if (pair[1] >= 0) close(pair[1]);
}

pid_t glean_spawn(const char *const argv[], const char *directory, int *stdin_fd, int *stdout_fd,
                  int *stderr_fd, int *error_number) {
    int in[2] = {-1, -1}, out[2] = {-1, -1}, err[2] = {-1, -1}, report[2] = {-1, -1};
    if (pipe2(in, O_CLOEXEC) != 0 || pipe2(out, O_CLOEXEC) != 0 || pipe2(err, O_CLOEXEC) != 0 ||
        pipe2(report, O_CLOEXEC) != 0) {
        *error_number = errno;
        close_pair(in); close_pair(out); close_pair(err); close_pair(report);
        return -1;
    }
    pid_t parent = getpid();
    pid_t pid = fork();
    if (pid < 0) {
        *error_number = errno;
        close_pair(in); close_pair(out); close_pair(err); close_pair(report);
        return -1;
    }
    if (pid == 0) {
        int failure = 0;
        setpgid(0, 0);
#ifdef __linux__
        prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (getppid() != parent) _exit(127);
#endif
        signal(SIGPIPE, SIG_DFL);
        signal(SIGINT, SIG_DFL);
        signal(SIGTERM, SIG_DFL);
        sigset_t none;
        sigemptyset(&none);
        sigprocmask(SIG_SETMASK, &none, NULL);
        if (dup2(in[0], 0) < 0 || dup2(out[1], 1) < 0 || dup2(err[1], 2) < 0) failure = errno;
        if (!failure && directory && chdir(directory) != 0) failure = errno;
        if (!failure) {
            execv(argv[0], (char *const *)argv);
            failure = errno;
        }
        ssize_t ignored = write(report[1], &failure, sizeof failure);
        (void)ignored;
        _exit(127);
    }
    close(in[0]); close(out[1]); close(err[1]); close(report[1]);
    int child_error = 0;
    ssize_t count;
    do {
        count = read(report[0], &child_error, sizeof child_error);
    } while (count < 0 && errno == EINTR);
    close(report[0]);
    if (count == (ssize_t)sizeof child_error) {
        int status;
        waitpid(pid, &status, 0);
        close(in[1]); close(out[0]); close(err[0]);
        *error_number = child_error;
        return -1;
    }
    *stdin_fd = in[1];
    *stdout_fd = out[0];
    *stderr_fd = err[0];
    return pid;
}

int glean_kill_group(pid_t pid, int signal) {
    return kill(-pid, signal);
}

int glean_try_wait(pid_t pid, int *status) {
    pid_t result = waitpid(pid, status, WNOHANG);
    if (result == pid) return 1;
    if (result == 0) return 0;
    return -1;
}

long glean_rss_kb(pid_t pid) {
    char path[64];
    snprintf(path, sizeof path, "/proc/%d/status", (int)pid);
    FILE *file = fopen(path, "r");
    if (!file) return -1;
    char line[256];
    long kb = -1;
    while (fgets(line, sizeof line, file)) {
        if (strncmp(line, "VmRSS:", 6) == 0) {
            kb = strtol(line + 6, NULL, 10);
            break;
        }
    }
    fclose(file);
    return kb;
}
