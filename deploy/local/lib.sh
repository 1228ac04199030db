#!/usr/bin/env bash
# Shared functions of the local scripts: readiness waits, process bookkeeping, clear failures.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"

say() { echo "[amtsweg] $*" >&2; }
fail() { echo "[amtsweg] ERROR: $*" >&2; exit 1; }

require_java() {
    command -v java > /dev/null || fail "Java 17+ required, but no 'java' is on the PATH."
    local version
    version="$(java -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}')"
    [[ "${version%%.*}" -ge 17 ]] 2> /dev/null || fail "Java 17+ required, found Java $version (set JAVA_HOME / PATH)."
}

# The browser tests drive Debian's Chromium through Debian's chromedriver (a browser download cannot work here):
# installed with apt-get where missing (CI and new machines run as root), else the command to run is named.
# require_debian_packages WHY COMMAND... -- PACKAGE...: installs the Debian packages with apt-get where one of the
# commands is missing (CI and fresh machines start without them).
require_debian_packages() {
    local why="$1"; shift
    local commands=() missing=false
    while [[ "$1" != "--" ]]; do commands+=("$1"); shift; done
    shift
    for command in "${commands[@]}"; do command -v "$command" > /dev/null || missing=true; done
    $missing || return 0
    command -v apt-get > /dev/null || fail "$why needs ${commands[*]} (Debian: apt-get install $*)"
    local sudo=""
    [[ $(id -u) -eq 0 ]] || sudo="sudo"
    say "installing $* for $why (apt-get)"
    $sudo apt-get update -qq > /dev/null && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$@" > /dev/null \
        || fail "could not install $*; run: apt-get install $*"
}

require_chromium() { require_debian_packages "the browser tests" chromium chromedriver -- chromium chromium-driver; }

port_in_use() { (exec 3<> "/dev/tcp/127.0.0.1/$1") 2> /dev/null; }

require_free_port() {
    if port_in_use "$1"; then fail "port $1 busy: something else listens there, but $2 needs it."; fi
}

# wait_for_port PORT SECONDS NAME LOGFILE
wait_for_port() {
    local deadline=$((SECONDS + $2))
    until port_in_use "$1"; do
        [[ $SECONDS -lt $deadline ]] || fail "$3 did not open port $1 within $2 s; see $4"
        sleep 0.2
    done
}

# wait_for_log_line LOGFILE TEXT SECONDS NAME PIDFILE
wait_for_log_line() {
    local deadline=$((SECONDS + $3))
    until grep -q "$2" "$1" 2> /dev/null; do
        kill -0 "$(cat "$5")" 2> /dev/null || fail "$4 exited during start-up; see $1"
        [[ $SECONDS -lt $deadline ]] || fail "$4 was not ready within $3 s; see $1"
        sleep 0.2
    done
}

is_running() {
    local pid_file="$run_dir/$1.pid"
    [[ -f "$pid_file" ]] && kill -0 "$(cat "$pid_file")" 2> /dev/null
}

# Stops a process started by these scripts: SIGTERM first (graceful), SIGKILL after 30 s.
stop_process() {
    local pid_file="$run_dir/$1.pid"
    [[ -f "$pid_file" ]] || return 0
    local pid; pid="$(cat "$pid_file")"
    if kill -0 "$pid" 2> /dev/null; then
        say "stopping $1"
        kill "$pid" 2> /dev/null || true
        for _ in $(seq 1 150); do kill -0 "$pid" 2> /dev/null || break; sleep 0.2; done
        kill -0 "$pid" 2> /dev/null && kill -9 "$pid" 2> /dev/null || true
    fi
    rm -f "$pid_file"
}

# Keeps the last logs of a part when it starts again (a crashed process's log is the evidence): LOG
# becomes LOG.1, LOG.1 becomes LOG.2, and so on up to LOG.3.
rotate_log() {
    local log="$1"
    [[ -s "$log" ]] || return 0
    for i in 2 1; do [[ -f "$log.$i" ]] && mv -f "$log.$i" "$log.$((i + 1))"; done
    mv -f "$log" "$log.1"
}
