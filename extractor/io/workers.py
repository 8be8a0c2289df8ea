"""Worker processes with a per-task time limit: a task that runs past the limit has its
worker killed and replaced, and gets a timeout result; a worker that dies gets a crash
result. Results come back in input order (or as they finish), with a bounded number of
tasks in flight or waiting to be written, so memory stays flat whatever the corpus size.

multiprocessing.Pool cannot do this: it cannot kill one worker for one late task.

Workers never outlive the process that started them: on Linux the kernel kills them when
it dies (``prctl(PR_SET_PDEATHSIG)``, even a SIGKILLed parent), and every worker also
checks between tasks that its parent is still there (other systems, and the moment
before the prctl call). A pool can run inside a daemonic process (a dask worker).
"""
from __future__ import annotations

import ctypes
import multiprocessing as mp
import os
import signal
import sys
import time
from collections import deque
from multiprocessing.connection import wait
from typing import Any, Callable, Iterable, Iterator, Optional


#: How often (seconds) an idle worker checks that its parent is still alive.
PARENT_CHECK_SECONDS = 1.0
_PR_SET_PDEATHSIG = 1   # from <sys/prctl.h>


def _die_with_parent(parent_pid: int) -> None:
    """Ask the kernel to SIGKILL this process when its parent dies (Linux); exit now if
    the parent is already gone. The signal comes when the parent *thread* that started
    this process ends: pools are used from the thread that made them (the main thread,
    or a dask worker's task thread, which lives as long as the worker)."""
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent_pid:
        os._exit(0)


def _worker_main(conn, parent_end, parent_pid: int, task: Callable, extra: tuple) -> None:
    # The parent decides when to stop: a Ctrl-C reaches the whole process group, and the
    # worker must not print a traceback for it.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _die_with_parent(parent_pid)
    parent_end.close()   # our copy of the parent's end: else its death would not be seen
    try:
        while True:
            try:
                while not conn.poll(PARENT_CHECK_SECONDS):
                    if os.getppid() != parent_pid:
                        return
                msg = conn.recv()
            except (EOFError, OSError):
                return
            if msg is None:
                return
            index, item = msg
            result = task(item, *extra)
            try:
                conn.send((index, result))
            except (BrokenPipeError, EOFError, OSError):
                return
    except KeyboardInterrupt:
        return


class _Worker:
    def __init__(self, ctx, task: Callable, extra: tuple):
        self.conn, child = ctx.Pipe()
        self.proc = ctx.Process(target=_worker_main,
                                args=(child, self.conn, os.getpid(), task, extra), daemon=True)
        _start(self.proc)
        child.close()
        self.job: Optional[tuple[int, Any, float]] = None   # (index, item, started)

    def send(self, index: int, item: Any) -> None:
        self.conn.send((index, item))
        self.job = (index, item, time.monotonic())

    def kill(self) -> None:
        if self.proc.is_alive():
            self.proc.kill()
        self.proc.join(5)
        self.conn.close()

    def stop(self) -> None:
        try:
            self.conn.send(None)
        except (BrokenPipeError, OSError):
            pass
        self.proc.join(2)
        if self.proc.is_alive():
            self.kill()
        else:
            self.conn.close()


def _start(proc) -> None:
    """Start a worker, also from a daemonic process (a dask worker): multiprocessing
    refuses that because a daemon's children could outlive it, which _die_with_parent
    prevents here."""
    current = mp.current_process()
    daemonic = current._config.get("daemon")
    if daemonic:
        current._config["daemon"] = False
    try:
        proc.start()
    finally:
        if daemonic:
            current._config["daemon"] = daemonic


class WorkerPool:
    """``jobs`` processes running ``task(item, *extra)``; see the module doc."""

    def __init__(self, jobs: int, task: Callable, extra: tuple = (), *,
                 timeout: Optional[float] = None, window: int = 0):
        self.ctx = mp.get_context("fork" if sys.platform.startswith("linux") else "spawn")
        self.task, self.extra, self.timeout = task, extra, timeout
        self.window = window or max(8, 8 * jobs)
        self.workers = [_Worker(self.ctx, task, extra) for _ in range(jobs)]

    def __enter__(self) -> "WorkerPool":
        return self

    def __exit__(self, *exc) -> None:
        self.close(kill=exc[0] is not None)

    def close(self, kill: bool = False) -> None:
        for w in self.workers:
            w.kill() if kill else w.stop()
        self.workers = []

    def _replace(self, worker: _Worker) -> None:
        worker.kill()
        self.workers[self.workers.index(worker)] = _Worker(self.ctx, self.task, self.extra)

    def map(self, items: Iterable, *, ordered: bool = True,
            on_timeout: Callable[[Any, float], Any], on_crash: Callable[[Any, str], Any]
            ) -> Iterator:
        """Results of ``task`` over ``items``; a late task gives ``on_timeout(item, limit)``,
        a task whose worker died ``on_crash(item, reason)``."""
        self._timeout_fn, self._crash_fn = on_timeout, on_crash
        source = enumerate(items)
        exhausted = False
        done: dict[int, Any] = {}
        next_out = 0          # the next index to yield (ordered)
        sent = 0              # how many items were handed out
        queue: deque = deque()  # finished results (unordered)
        try:
            while True:
                # hand out work while the window allows it
                for w in self.workers:
                    if w.job is None and not exhausted and sent - next_out < self.window:
                        try:
                            index, item = next(source)
                        except StopIteration:
                            exhausted = True
                            break
                        w.send(index, item)
                        sent += 1
                busy = [w for w in self.workers if w.job is not None]
                if not busy and exhausted:
                    break
                if busy:
                    self._collect(busy, done)
                if ordered:
                    while next_out in done:
                        yield done.pop(next_out)
                        next_out += 1
                else:
                    for index in sorted(done):
                        queue.append(done.pop(index))
                        next_out += 1
                    while queue:
                        yield queue.popleft()
        except BaseException:
            self.close(kill=True)
            raise

    def _collect(self, busy: list[_Worker], done: dict) -> None:
        """Wait for a result, a dead worker or the next deadline; record what happened."""
        wait_for = None
        if self.timeout:
            now = time.monotonic()
            wait_for = max(0.0, min(w.job[2] + self.timeout - now for w in busy))
        ready = wait([w.conn for w in busy] + [w.proc.sentinel for w in busy], timeout=wait_for)
        for w in busy:
            index, item, started = w.job
            if w.conn in ready:
                try:
                    got_index, result = w.conn.recv()
                except (EOFError, OSError):
                    done[index] = self._on_crash(item, w)
                    continue
                done[got_index] = result
                w.job = None
            elif w.proc.sentinel in ready:
                done[index] = self._on_crash(item, w)
            elif self.timeout and time.monotonic() - started >= self.timeout:
                self._replace(w)
                done[index] = self._on_timeout(item)

    def _on_crash(self, item, worker: _Worker):
        worker.proc.join(1)   # reaped, so its exit code is known
        code = worker.proc.exitcode
        self._replace(worker)
        return self._crash_fn(item, f"exit code {code}")

    # set by map(); kept on the instance so _collect stays small
    def _on_timeout(self, item):
        return self._timeout_fn(item, self.timeout)
