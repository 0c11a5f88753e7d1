/* bench/spawn.c: run one program, report its wall time and peak RSS.
 *
 *     spawn [-q] [-o REPORT] -- PROGRAM [ARG]...
 *
 * prints "status=N wall_us=N maxrss_kb=N" to REPORT (default stdout) when
 * PROGRAM ends; -q sends PROGRAM's stdout and stderr to /dev/null.
 *
 * Why not time it from Python: Linux carries a process's RSS high-water
 * mark across fork and exec, so a program started straight from the
 * benchmark's Python reports Python's own size (10 MB and more) as its
 * peak. Forked from this small process instead, it reports its own. GNU
 * time would do as well, but it is not installed by default. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static long long
now_us(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

int
main(int argc, char **argv)
{
	const char *report = NULL;
	int quiet = 0, ch;

	while ((ch = getopt(argc, argv, "+qo:")) != -1) {
		switch (ch) {
		case 'q':
			quiet = 1;
			break;
		case 'o':
			report = optarg;
			break;
		default:
			fprintf(stderr,
			    "usage: spawn [-q] [-o REPORT] -- PROGRAM [ARG]...\n");
			return 2;
		}
	}
	if (optind >= argc) {
		fprintf(stderr, "usage: spawn [-q] [-o REPORT] -- PROGRAM [ARG]...\n");
		return 2;
	}

	long long t0 = now_us();
	pid_t pid = fork();
	if (pid < 0) {
		perror("spawn: fork");
		return 2;
	}
	if (pid == 0) {
		if (quiet) {
			int fd = open("/dev/null", O_WRONLY);
			if (fd >= 0) {
				dup2(fd, 1);
				dup2(fd, 2);
				close(fd);
			}
		}
		execvp(argv[optind], argv + optind);
		fprintf(stderr, "spawn: %s: %s\n", argv[optind], strerror(errno));
		_exit(127);
	}
	int status;
	struct rusage ru;
	while (wait4(pid, &status, 0, &ru) < 0)
		if (errno != EINTR) {
			perror("spawn: wait4");
			return 2;
		}
	long long wall = now_us() - t0;
	int code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);

	FILE *out = stdout;
	if (report && (out = fopen(report, "w")) == NULL) {
		perror(report);
		return 2;
	}
	fprintf(out, "status=%d wall_us=%lld maxrss_kb=%ld\n", code, wall, ru.ru_maxrss);
	if (out != stdout)
		fclose(out);
	return 0;
}
