"""The query workers of `newsgraph serve`: a fixed set of processes (worker.py), each with the store
open read-only, and the rules that keep the server answering whatever clients send.

- A query waits in a queue for a free worker (up to `max_waiting` wait; beyond, 503 at once), and
  its time limit counts from its arrival: a queue never holds a query past its limit.
- A query past its time limit or its memory ceiling (the worker's resident memory) is ended by
  killing its worker, which frees its memory at once; a fresh worker takes its place.
- A query running longer than `long_after` seconds is "long": its worker drops to the lowest CPU
  priority (quick queries keep the processor) and is replaced once the query ends. At most
  `max_long` queries may be long at once, so `workers - max_long` workers are always there for
  quick queries; a query that turns long beyond that is ended with 503.
- An update (the server's own store, read-write) waits for the running queries, then the workers
  are restarted so that they read what it wrote.
"""
from __future__ import annotations

import asyncio
import contextlib
import os
import pickle
import struct
import sys
from dataclasses import dataclass
from pathlib import Path

import psutil

from ..errors import NewsgraphError

WORKER_SCRIPT = Path(__file__).with_name("worker.py")
POLL_SECONDS = 0.05  # how often a running query's memory and duration are looked at
_LENGTH = struct.Struct(">I")


class PoolError(NewsgraphError):
    """Workers that cannot start (an unreadable store); the message is one line for the user."""


class Overloaded(Exception):
    """A query ended or refused by a limit: (status, message, extra headers)."""

    def __init__(self, status: int, message: str, headers: dict[str, str] | None = None):
        super().__init__(message)
        self.status, self.message, self.headers = status, message, headers or {}


@dataclass(frozen=True)
class PoolLimits:
    workers: int = 8
    max_long: int = 4
    long_after: float = 1.0
    timeout: float = 30.0
    max_memory_bytes: int = 500_000_000
    max_waiting: int = 256


class _Worker:
    def __init__(self, process: asyncio.subprocess.Process, generation: int):
        self.process, self.generation = process, generation
        self.info = psutil.Process(process.pid)
        self.reniced = False

    async def send(self, job: dict) -> None:
        data = pickle.dumps(job, protocol=pickle.HIGHEST_PROTOCOL)
        self.process.stdin.write(_LENGTH.pack(len(data)) + data)
        await self.process.stdin.drain()

    async def receive(self) -> tuple:
        header = await self.process.stdout.readexactly(_LENGTH.size)
        return pickle.loads(await self.process.stdout.readexactly(_LENGTH.unpack(header)[0]))

    def resident_bytes(self) -> int:
        try:
            return self.info.memory_info().rss
        except psutil.Error:
            return 0

    def lower_priority(self) -> None:
        with contextlib.suppress(OSError, AttributeError):  # AttributeError: no setpriority on Windows
            os.setpriority(os.PRIO_PROCESS, self.process.pid, 19)
        self.reniced = True

    async def stop(self) -> None:
        with contextlib.suppress(ProcessLookupError):
            self.process.kill()
        await self.process.wait()


class QueryPool:
    """Runs jobs (see worker.py) on worker processes within the limits; use inside one event loop."""

    def __init__(self, store_path: str | Path, limits: PoolLimits = PoolLimits()):
        self.store_path, self.limits = str(store_path), limits
        self._idle: asyncio.Queue[_Worker] = asyncio.Queue()
        self._workers: set[_Worker] = set()
        self._generation, self._waiting, self._long = 0, 0, 0
        self._open, self._closing = asyncio.Event(), False
        self._replacements: set[asyncio.Task] = set()

    # ------------------------------------------------------------------ lifetime
    async def start(self) -> None:
        workers = await asyncio.gather(*(self._spawn() for _ in range(self.limits.workers)))
        for worker in workers:
            self._idle.put_nowait(worker)
        self._open.set()

    async def close(self) -> None:
        self._open.clear()
        self._closing = True
        for task in list(self._replacements):
            task.cancel()
        await asyncio.gather(*(worker.stop() for worker in list(self._workers)), return_exceptions=True)
        self._workers.clear()

    @property
    def worker_pids(self) -> list[int]:
        return sorted(worker.process.pid for worker in self._workers)

    async def _spawn(self) -> _Worker:
        process = await asyncio.create_subprocess_exec(
            sys.executable, "-I", str(WORKER_SCRIPT), self.store_path,
            stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE)
        worker = _Worker(process, self._generation)
        try:
            hello = await asyncio.wait_for(worker.receive(), 60)
        except (asyncio.IncompleteReadError, asyncio.TimeoutError):
            await worker.stop()
            raise PoolError("a query worker did not start (see the messages above)") from None
        if hello[0] != "ready":
            await worker.stop()
            raise PoolError(f"{self.store_path}: a query worker cannot open the store ({hello[1]})")
        self._workers.add(worker)
        return worker

    def _retire(self, worker: _Worker) -> None:
        """Stop a worker and start its replacement in the background."""
        self._workers.discard(worker)

        async def replace() -> None:
            await worker.stop()
            if not self._closing:
                try:
                    self._idle.put_nowait(await self._spawn())
                except PoolError:
                    pass  # the store became unreadable: the pool shrinks, queries wait and time out
        task = asyncio.get_running_loop().create_task(replace())
        self._replacements.add(task)
        task.add_done_callback(self._replacements.discard)

    def _give_back(self, worker: _Worker) -> None:
        if worker.reniced or worker.generation != self._generation:
            self._retire(worker)  # a lowered priority cannot be raised again without privileges
        else:
            self._idle.put_nowait(worker)

    # ------------------------------------------------------------------ queries
    async def run(self, job: dict) -> tuple:
        """The worker's answer to `job`; raises Overloaded when a limit ends or refuses the query."""
        loop = asyncio.get_running_loop()
        limits = self.limits
        deadline = loop.time() + limits.timeout
        if self._waiting >= limits.max_waiting:
            raise Overloaded(503, f"{self._waiting} queries are already waiting; try again shortly",
                             {"Retry-After": "5"})
        self._waiting += 1
        try:
            await asyncio.wait_for(self._open.wait(), limits.timeout)  # closed while an update runs
            worker = await asyncio.wait_for(self._idle.get(), max(deadline - loop.time(), 0.001))
        except asyncio.TimeoutError:
            raise self._timed_out() from None
        finally:
            self._waiting -= 1
        try:
            answer = await self._ask(worker, job, deadline)
        except BaseException:
            self._retire(worker)
            raise
        self._give_back(worker)
        return answer

    def _timed_out(self) -> Overloaded:
        return Overloaded(503, f"the query ran longer than this server's {self.limits.timeout:g} s limit")

    async def _ask(self, worker: _Worker, job: dict, deadline: float) -> tuple:
        loop, limits = asyncio.get_running_loop(), self.limits
        started = loop.time()
        await worker.send(job)
        reply = loop.create_task(worker.receive())
        counted_long = False
        try:
            while True:
                remaining = deadline - loop.time()
                if remaining <= 0:
                    raise self._timed_out()
                done, _ = await asyncio.wait({reply}, timeout=min(POLL_SECONDS, remaining))
                if done:
                    try:
                        return reply.result()
                    except asyncio.IncompleteReadError:  # the worker died: the system's OOM killer?
                        raise Overloaded(503, "the query ended its worker process "
                                              "(probably out of memory); add a LIMIT or simplify it") from None
                if worker.resident_bytes() > limits.max_memory_bytes:
                    raise Overloaded(503, f"the query needed more than this server's memory limit of "
                                          f"{limits.max_memory_bytes / 1e6:,.0f} MB; add a LIMIT or simplify it")
                if not counted_long and loop.time() - started > limits.long_after:
                    if self._long >= limits.max_long:
                        raise Overloaded(503, f"{self._long} long queries are already running; try again shortly",
                                         {"Retry-After": "10"})
                    self._long += 1
                    counted_long = True
                    worker.lower_priority()
        finally:
            if counted_long:
                self._long -= 1
            reply.cancel()

    # ------------------------------------------------------------------ updates
    @contextlib.asynccontextmanager
    async def exclusive(self):
        """For an update: no query runs inside the block; afterwards fresh workers read the new data."""
        self._open.clear()
        try:
            while self._workers or self._replacements:  # running queries end within their time limit
                try:
                    worker = await asyncio.wait_for(self._idle.get(), self.limits.timeout + 60)
                except asyncio.TimeoutError:
                    break
                self._workers.discard(worker)
                await worker.stop()
            self._generation += 1
            yield
        finally:
            fresh = await asyncio.gather(*(self._spawn() for _ in range(self.limits.workers)))
            for worker in fresh:
                self._idle.put_nowait(worker)
            self._open.set()
