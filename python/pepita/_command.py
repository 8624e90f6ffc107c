"""Finding and running the pepita command-line program (the jar built by Maven)."""

import os
import shlex
import subprocess
import sys
from pathlib import Path

from ._errors import PepitaError

#: the jar, relative to the repository root
JAR = Path("cli") / "target" / "pepita.jar"

#: the jar an installed package carries (``pip install ./python`` copies it in; python/setup.py)
BUNDLED = Path(__file__).resolve().parent / "_jar" / "pepita.jar"


def _is_repository(d):
    return (d / "pepita").is_file() and (d / "cli" / "pom.xml").is_file()


def _repository(cwd=True):
    """The repository holding the ``./pepita`` script, or None.

    In order: ``$PEPITA_HOME``; the directories above this package (``PYTHONPATH=python`` or an
    editable install); with ``cwd``, the current directory and those above it (a notebook run
    inside the repo).
    """
    home = os.environ.get("PEPITA_HOME")
    if home:
        d = Path(home).expanduser().resolve()
        if not _is_repository(d):
            raise PepitaError(f"PEPITA_HOME={home} is not a pepita repository (no ./pepita script and cli/pom.xml there)", 2)
        return d
    starts = (Path(__file__).resolve().parent, Path.cwd().resolve()) if cwd else (Path(__file__).resolve().parent,)
    for start in starts:
        for d in (start, *start.parents):
            if _is_repository(d):
                return d
    return None


#: keeps Java's notes about a missing or stale archive off stderr (the program's one line is the last there)
_CDS_QUIET = ["-Xlog:cds=off", "-Xlog:cds+dynamic=off"]


def _archive(java, jar):
    """The class-data-sharing archive of ``jar``, written on first use; None if it cannot be.

    As the ``./pepita`` script does (docs/performance.md, "Cold start"): the classes a command
    loads, parsed and verified once by the jar's own training run (``ClassDataTraining``, a few
    seconds) into an archive every later start maps, which halves a small run's start-up. Kept
    beside the jar (``pepita.jsa``, the file ``./pepita`` keeps for the repository's jar), or in
    ``$XDG_CACHE_HOME/pepita`` when the jar's directory is read-only. Java checks the archive
    against the jar too and ignores a stale one.
    """
    jar_time = jar.stat().st_mtime_ns
    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "pepita"
    candidates = [jar.with_suffix(".jsa"), cache / f"pepita-{jar.stat().st_size}-{jar_time}.jsa"]
    for archive in candidates:
        if archive.is_file() and archive.stat().st_mtime_ns > jar_time:
            return archive
    for archive in candidates:
        partial = archive.with_name(f"{archive.name}.{os.getpid()}")
        try:
            archive.parent.mkdir(parents=True, exist_ok=True)
            done = subprocess.run([java, f"-XX:ArchiveClassesAtExit={partial}", *_CDS_QUIET, "-Xmx1g",
                                   "-Djava.awt.headless=true", "-cp", str(jar), "org.forwardonly.cli.ClassDataTraining"],
                                  stdin=subprocess.DEVNULL, capture_output=True, timeout=600)
            if done.returncode == 0 and partial.is_file():
                os.replace(partial, archive)
                return archive
        except (OSError, subprocess.SubprocessError):
            pass
        try:
            partial.unlink()
        except OSError:
            pass
    return None


def _java_jar(jar):
    """``java [archive] [PEPITA_JAVA_OPTS] -jar JAR``, with ``$JAVA_HOME/bin/java`` when JAVA_HOME is set.

    The class-data-sharing archive (:func:`_archive`) comes first, so ``-Xshare:off`` in
    PEPITA_JAVA_OPTS turns it off; with that option no archive is written either.
    """
    java = str(Path(os.environ["JAVA_HOME"]) / "bin" / "java") if os.environ.get("JAVA_HOME") else "java"
    opts = shlex.split(os.environ.get("PEPITA_JAVA_OPTS", "-Xmx8g"))
    jar = Path(jar).resolve()
    archive = None if "-Xshare:off" in opts else _archive(java, jar)
    cds = [f"-XX:SharedArchiveFile={archive}", *_CDS_QUIET] if archive else []
    return [java, *cds, *opts, "-Djava.awt.headless=true", "-jar", str(jar)]


def command():
    """The argument list that starts the pepita program.

    In order: ``$PEPITA_JAR`` (a built ``cli/target/pepita.jar``) run with ``java -jar``; the
    repository's ``./pepita`` script (which builds the jar when it is missing or older than the
    sources) when ``$PEPITA_HOME`` is set or the package sits in a repository; the jar bundled in
    an installed package, run with ``java -jar``; the ``./pepita`` of a repository at or above the
    current directory. Raises PepitaError when none can be found.
    """
    jar = os.environ.get("PEPITA_JAR")
    if jar:
        if not Path(jar).is_file():
            raise PepitaError(f"PEPITA_JAR={jar}: no such file (build it with `mvn -B install -DskipTests` "
                              f"in the repository, or unset PEPITA_JAR)", 2)
        return _java_jar(jar)
    repo = _repository(cwd=False)
    if repo is None and BUNDLED.is_file():
        return _java_jar(BUNDLED)
    if repo is None:
        repo = _repository()
    if repo is None:
        raise PepitaError("cannot find the pepita program: set PEPITA_HOME to the repository (the directory with "
                          "the ./pepita script) or PEPITA_JAR to its cli/target/pepita.jar", 2)
    if not (repo / JAR).is_file():
        print(f"pepita: building {repo / JAR} (first use: `mvn install`, about a minute)...", file=sys.stderr, flush=True)
    return [str(repo / "pepita")]


def run(args):
    """Runs ``pepita ARGS`` and returns its standard output.

    A non-zero exit raises PepitaError with the program's one-line message (the last line it
    wrote on standard error) and its exit code.
    """
    if not args:
        # the program would print its usage and exit 2; its last line is no message (issue 27)
        raise PepitaError("pepita: missing command: give one, e.g. cli(\"ode\", \"config.json\", \"--out\", \"runs/x\"); "
                          "cli(\"help\") lists them", 2)
    argv = [*command(), *[str(a) for a in args]]
    try:
        done = subprocess.run(argv, stdin=subprocess.DEVNULL, capture_output=True, text=True)
    except OSError as e:
        raise PepitaError(f"cannot start {argv[0]}: {e}", 2) from e
    if done.returncode != 0:
        lines = [line for line in done.stderr.splitlines() if line.strip()]
        # the program's one line starts with "pepita"; usage and progress lines around it do not
        own = [line for line in lines if line.startswith("pepita")]
        message = (own or lines)[-1].strip() if lines else f"pepita {args[0]} exited with code {done.returncode}"
        raise PepitaError(message, done.returncode, stderr=done.stderr)
    return done.stdout
