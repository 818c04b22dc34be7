#!/usr/bin/env python3
"""Time from launching `ottl repl` on a pseudo-terminal until its prompt is ready.

Usage: repl/scripts/startup-time.py [RUNS] [--script | --no-jit]   (from the repository root; builds nothing itself:
run ./ottl once first so that cli/target/dist is current). Prints each run and the median, in ms.
"""
import fcntl, os, pty, resource, select, struct, sys, termios, time

def once(cmd):
    pid, fd = pty.fork()
    if pid == 0:
        os.execvp(cmd[0], cmd)
    # a real terminal has a size; JLine renders nothing sensible on a 0x0 one
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    start = time.monotonic()
    buf = b""
    ready = None
    while True:
        r, _, _ = select.select([fd], [], [], 10)
        if not r:
            break
        try:
            chunk = os.read(fd, 4096)
        except OSError:
            break
        if not chunk:
            break
        buf += chunk
        if ready is None and b"ottl span> " in buf:
            ready = time.monotonic() - start
            os.write(fd, b":quit\r")
    _, _, usage = os.wait4(pid, 0)
    if ready is None:
        sys.stderr.write(buf.decode(errors="replace"))
        raise SystemExit("no prompt seen")
    return ready * 1000, (usage.ru_utime + usage.ru_stime) * 1000

def main():
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    # the JVM as ./ottl starts it, without the script's staleness check (a `find` over the sources)
    dist = os.path.join(root, "cli", "target", "dist")
    java = os.path.join(os.environ.get("JAVA_HOME", "/usr/lib/jvm/temurin-25-jdk-amd64"), "bin", "java")
    cmd = [java, "-XX:+UnlockExperimentalVMOptions", "-XX:+EnableJVMCI", "--upgrade-module-path=" + dist + "/graal",
           "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow",
           "-Dpolyglot.engine.userResourceCache=" + dist + "/truffle-cache",
           "-cp", dist + "/lib/*", "io.ottl4j.cli.Main", "repl", "--history", "/tmp/ottl-startup-history"]
    if len(sys.argv) > 2 and sys.argv[2] == "--no-jit":
        # for comparison: without the Graal compiler jars (Truffle's fallback runtime; CDS stays on)
        cmd = [c for c in cmd if not c.startswith(("-XX:+UnlockExperimentalVMOptions", "-XX:+EnableJVMCI", "--upgrade-module-path"))]
    if len(sys.argv) > 2 and sys.argv[2] == "--script":
        cmd = [os.path.join(root, "ottl"), "repl", "--history", "/tmp/ottl-startup-history"]
    results = [once(cmd) for _ in range(runs)]
    for wall, cpu in results:
        print(f"{wall:.0f} ms to the prompt (process CPU until :quit {cpu:.0f} ms)")
    walls = sorted(w for w, _ in results)
    cpus = sorted(c for _, c in results)
    print(f"median {walls[len(walls) // 2]:.0f} ms to the prompt, {cpus[len(cpus) // 2]:.0f} ms CPU ({runs} runs; load average {os.getloadavg()[0]:.1f})")

if __name__ == "__main__":
    main()
