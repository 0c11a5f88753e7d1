"""bench/tty.py: drive a full-screen program in a pseudo-terminal and time it.

A session spawns the program on a fresh pty of a fixed size, writes keys to
it as a user would, and reads what it draws until the output has been quiet
for a while. The latency of a key is the time from writing it to the last
byte of the redraw it caused (the wait for quiet is not counted), and its
cost is the number of bytes the program wrote, which is what a slow SSH link
pays for.
"""

import fcntl
import os
import select
import signal
import struct
import termios
import time


class Session:
    def __init__(self, argv, env=None, rows=24, cols=80, cwd=None):
        self.master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        self.t_spawn = time.perf_counter()
        pid = os.fork()
        if pid == 0:
            try:
                os.close(self.master)
                os.setsid()
                fcntl.ioctl(slave, termios.TIOCSCTTY, 0)
                for fd in (0, 1, 2):
                    os.dup2(slave, fd)
                if slave > 2:
                    os.close(slave)
                if cwd:
                    os.chdir(cwd)
                os.execvpe(argv[0], argv, env if env is not None else os.environ)
            finally:
                os._exit(127)
        os.close(slave)
        self.pid = pid
        self.status = None
        self.rusage = None
        self.total = 0

    def read_quiet(self, quiet=0.1, first_wait=1.0, timeout=10.0):
        """Waits up to first_wait for output, then reads until nothing has
        arrived for `quiet` seconds, the program closes the terminal, or
        `timeout` passes. Returns (bytes, time of the last byte or None,
        data)."""
        data = bytearray()
        t_last = None
        self.t_first_burst = None   # the last byte before the first pause
        start = time.perf_counter()
        while True:
            now = time.perf_counter()
            if t_last is None:
                wait = start + first_wait - now
            else:
                wait = min(t_last + quiet, start + timeout) - now
            if wait <= 0:
                break
            r, _, _ = select.select([self.master], [], [], wait)
            if not r:
                continue
            try:
                chunk = os.read(self.master, 65536)
            except OSError:         # EIO: the program closed the terminal
                break
            if not chunk:
                break
            data += chunk
            now = time.perf_counter()
            if t_last is not None and self.t_first_burst is None and now - t_last > self.BURST_GAP:
                self.t_first_burst = t_last
            t_last = now
        if self.t_first_burst is None:
            self.t_first_burst = t_last
        self.total += len(data)
        return len(data), t_last, bytes(data)

    def first_frame(self, quiet=0.3, timeout=10.0):
        """Seconds from spawn to the last byte of the first frame, and its
        size in bytes."""
        n, t_last, data = self.read_quiet(quiet, timeout, timeout)
        return (t_last - self.t_spawn if t_last else None), n, data

    # A redraw is written in one go (curses' doupdate); a pause longer than
    # this between writes is the program working before a second redraw.
    BURST_GAP = 0.010

    def key(self, keys, quiet=0.1, first_wait=1.0, first_burst=False):
        """Writes keys; returns (latency in seconds or None, bytes). The
        latency is to the last byte written, or with first_burst to the
        end of the first redraw (the first pause in the output)."""
        t0 = time.perf_counter()
        os.write(self.master, keys)
        n, t_last, _ = self.read_quiet(quiet, first_wait)
        t = self.t_first_burst if first_burst else t_last
        return (t - t0 if t else None), n

    def alive(self):
        if self.status is not None:
            return False
        pid, status, ru = os.wait4(self.pid, os.WNOHANG)
        if pid == 0:
            return True
        self.status, self.rusage = status, ru
        return False

    def wait(self, timeout=3.0):
        """Waits for the program to exit, then SIGTERM, then SIGKILL."""
        end = time.perf_counter() + timeout
        for sig in (None, signal.SIGTERM, signal.SIGKILL):
            if sig is not None and self.alive():
                os.kill(self.pid, sig)
                end = time.perf_counter() + timeout
            while self.alive() and time.perf_counter() < end:
                try:
                    r, _, _ = select.select([self.master], [], [], 0.05)
                    if r:
                        os.read(self.master, 65536)
                except OSError:
                    time.sleep(0.01)
            if not self.alive():
                break
        os.close(self.master)
        return self.status

    def exit_code(self):
        if self.status is None:
            return None
        return os.waitstatus_to_exitcode(self.status)

    def maxrss_kb(self):
        return self.rusage.ru_maxrss if self.rusage else None
