"""Load benchmark on loopback: the demo system under gunicorn, driven by locust, compared with /healthz.

    .venv/bin/python bench/bench_load.py [--users 10] [--seconds 30] [--sqlite] [--port 8765]

1. Makes a throw-away database (a new database on the PostgreSQL at 127.0.0.1:5432, dropped at the end; or a
   temporary SQLite file with --sqlite), migrates it and loads the demo data (`manage.py load_demo`).
2. Starts gunicorn on 127.0.0.1 only (2 workers × 2 threads, DEBUG off, settings `bench/load_settings.py`,
   which raise the online-application rate limits for the run and nothing else).
3. Runs locust headless twice, each bounded in users and time, with no think time (capacity):
   - baseline: `HealthUser` alone (the trivial `/healthz` view), `--seconds / 2`;
   - scenario: `PublicUser` (portal pages, catalogue search, online applications with distinct applicants)
     and `StaffUser` (dashboards, report recompile), three public users to one staff user, `--seconds`.
4. Stops the server and drops the database by itself.

Prints requests per second of the scenario as a ratio to the baseline's, each request type's p50/p95
latency as a ratio to /healthz's p50/p95 in the baseline, and the error count (which must be 0; the exit
code is 1 otherwise). Only 127.0.0.1 is ever contacted.
"""

from __future__ import annotations

import argparse
import csv
import os
import re
import secrets
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV_BIN = Path(sys.executable).parent
HOST = "127.0.0.1"
PG_ADMIN = "postgres://postgres@127.0.0.1:5432/postgres"


def server_env(database_url: str, workdir: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        {
            "DATABASE_URL": database_url,
            "DJANGO_SETTINGS_MODULE": "load_settings",
            "PYTHONPATH": os.pathsep.join([str(ROOT / "bench"), str(ROOT)]),
            "XXGK_DEBUG": "false",
            "XXGK_SECRET_KEY": secrets.token_urlsafe(48),
            "XXGK_SSL_REDIRECT": "false",
            "XXGK_SECURE_COOKIES": "false",
            "XXGK_HSTS_SECONDS": "0",
            "XXGK_MEDIA_ROOT": str(workdir / "media"),
            "XXGK_LOG_LEVEL": "ERROR",
            "XXGK_DB_CONN_MAX_AGE": "60",
        }
    )
    return env


def prepare(env: dict[str, str]) -> str:
    """Migrate, load the demo data; answer the pk of a draft report the staff user may recompile ("" if none)."""
    manage = [sys.executable, str(ROOT / "manage.py")]
    subprocess.run([*manage, "migrate", "--verbosity", "0"], env=env, check=True, cwd=ROOT)
    subprocess.run([*manage, "load_demo"], env=env, check=True, cwd=ROOT, stdout=subprocess.DEVNULL)
    script = (
        "from django.contrib.auth import get_user_model\n"
        "from django.utils import timezone\n"
        "from web.accounts.permissions import primary_agency\n"
        "from web.reports import workflow\n"
        "from web.reports.models import ReportState, latest_for\n"
        "user = get_user_model().objects.get(username='banli')\n"
        "agency = primary_agency(user)\n"
        "for year in range(timezone.localdate().year, 2018, -1):\n"
        "    row = latest_for(agency, year)\n"
        "    if row is None:\n"
        "        row = workflow.start(agency, year, user)\n"
        "    if row.state == ReportState.DRAFT:\n"
        "        print(row.pk)\n"
        "        break\n"
    )
    done = subprocess.run([*manage, "shell", "-c", script], env=env, check=True, cwd=ROOT, capture_output=True)
    # The shell may print its own lines first (auto-imported objects); the pk is the last line.
    lines = done.stdout.decode().strip().splitlines()
    return lines[-1].strip() if lines and lines[-1].strip().isdigit() else ""


def wait_until_up(port: int, server: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit("服务器启动失败")
        try:
            with urllib.request.urlopen(f"http://{HOST}:{port}/healthz", timeout=2) as answer:
                if answer.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    raise SystemExit("服务器 60 秒内没有响应 /healthz")


def run_locust(classes: list[str], users: int, seconds: int, port: int, prefix: Path, env: dict[str, str]) -> None:
    command = [
        str(VENV_BIN / "locust"),
        "-f",
        str(ROOT / "bench" / "locustfile.py"),
        "--headless",
        "--only-summary",
        "--users",
        str(users),
        "--spawn-rate",
        str(users),
        "--run-time",
        f"{seconds}s",
        "--stop-timeout",
        "10",
        "--host",
        f"http://{HOST}:{port}",
        "--csv",
        str(prefix),
        *classes,
    ]
    # Locust exits 1 when a request failed; the failures are counted from its CSV below. Its own log and
    # summary table go to a file next to the CSV.
    with open(f"{prefix}.log", "wb") as log:
        subprocess.run(command, env=env, cwd=ROOT, timeout=seconds + 120, stdout=log, stderr=subprocess.STDOUT)


def read_stats(prefix: Path) -> dict[str, dict[str, float]]:
    with open(f"{prefix}_stats.csv", encoding="utf-8") as handle:
        return {
            row["Name"]: {
                "count": float(row["Request Count"]),
                "failures": float(row["Failure Count"]),
                "rps": float(row["Requests/s"]),
                "p50": float(row["50%"]),
                "p95": float(row["95%"]),
            }
            for row in csv.DictReader(handle)
        }


def read_failures(prefix: Path) -> list[str]:
    path = Path(f"{prefix}_failures.csv")
    if not path.exists():
        return []
    with path.open(encoding="utf-8") as handle:
        return [f"{r['Method']} {r['Name']}：{r['Error']}（{r['Occurrences']} 次）" for r in csv.DictReader(handle)]


def report(base: dict[str, dict[str, float]], load: dict[str, dict[str, float]], failures: list[str]) -> int:
    health = base["healthz"]
    scenario = load["Aggregated"]
    print(f"基线 /healthz：{health['rps']:.1f} 次/秒，p50 {health['p50']:.0f} ms，p95 {health['p95']:.0f} ms")
    print(f"场景合计：{scenario['rps']:.1f} 次/秒 = 基线的 {scenario['rps'] / health['rps']:.2f} 倍")
    print(f"{'请求':<22}{'次数':>6}{'失败':>6}{'p50/基线':>10}{'p95/基线':>10}")
    for name, row in sorted(load.items()):
        if name == "Aggregated":
            continue
        p50, p95 = row["p50"] / max(health["p50"], 1), row["p95"] / max(health["p95"], 1)
        print(f"{name:<22}{row['count']:>8.0f}{row['failures']:>8.0f}{p50:>10.1f}{p95:>10.1f}")
    errors = int(scenario["failures"] + base["Aggregated"]["failures"])
    print(f"错误：{errors}")
    for failure in failures:
        print("  ", failure)
    return 1 if errors else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--users", type=int, default=10)
    parser.add_argument("--seconds", type=int, default=30)
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--sqlite", action="store_true", help="a temporary SQLite file instead of PostgreSQL")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="xxgk-bench-load-") as tmp:
        workdir = Path(tmp)
        name = f"xxgk_bench_load_{os.getpid()}"
        if args.sqlite:
            database_url = f"sqlite:///{workdir / 'load.sqlite3'}"
        else:
            import psycopg

            with psycopg.connect(PG_ADMIN, autocommit=True) as admin:
                admin.execute(f'CREATE DATABASE "{name}"')
            database_url = PG_ADMIN.rsplit("/", 1)[0] + f"/{name}"
        server: subprocess.Popen[bytes] | None = None
        try:
            env = server_env(database_url, workdir)
            started = time.perf_counter()
            draft = prepare(env)
            kind = "SQLite" if args.sqlite else "PostgreSQL"
            print(f"数据库：{kind}；演示数据载入 {time.perf_counter() - started:.0f} 秒")
            server_log = (workdir / "server.log").open("wb")
            server = subprocess.Popen(
                [
                    str(VENV_BIN / "gunicorn"),
                    "web.wsgi:application",
                    "--bind",
                    f"{HOST}:{args.port}",
                    "--workers",
                    "2",
                    "--threads",
                    "2",
                    "--log-level",
                    "warning",
                ],
                env=env,
                cwd=ROOT,
                start_new_session=True,
                stdout=server_log,
                stderr=subprocess.STDOUT,
            )
            wait_until_up(args.port, server)
            locust_env = {**env, "XXGK_LOAD_PASSWORD": demo_password(), "XXGK_LOAD_REPORT": draft}
            if not draft:
                print("注意：没有可重新编制的草稿年报，场景中不含年报编制")
            print(f"并发用户 {args.users}，基线 {max(5, args.seconds // 2)} 秒，场景 {args.seconds} 秒（无思考时间）")
            run_locust(["HealthUser"], args.users, max(5, args.seconds // 2), args.port, workdir / "base", locust_env)
            run_locust(["PublicUser", "StaffUser"], args.users, args.seconds, args.port, workdir / "load", locust_env)
            status = report(
                read_stats(workdir / "base"),
                read_stats(workdir / "load"),
                read_failures(workdir / "base") + read_failures(workdir / "load"),
            )
            if status:  # the server's own account of what went wrong
                server_log.flush()
                errors = (workdir / "server.log").read_text(encoding="utf-8", errors="replace").splitlines()
                for line in [x for x in errors if "Error" in x or "error" in x][:10]:
                    print("  服务器：", line)
            return status
        finally:
            if server is not None and server.poll() is None:
                os.killpg(server.pid, signal.SIGTERM)
                server.wait(timeout=30)
            if not args.sqlite:
                import psycopg

                with psycopg.connect(PG_ADMIN, autocommit=True) as admin:
                    admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def demo_password() -> str:
    """The demo users' password, read from the demo module's source (importing it needs Django set up)."""
    source = (ROOT / "web" / "accounts" / "demo.py").read_text(encoding="utf-8")
    found = re.search(r'^DEMO_PASSWORD = "([^"]+)"', source, re.MULTILINE)
    if not found:
        raise SystemExit("web/accounts/demo.py 中没有 DEMO_PASSWORD")
    return found.group(1)


if __name__ == "__main__":
    raise SystemExit(main())
