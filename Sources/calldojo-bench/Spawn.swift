#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// How a timed child process ended.
struct SpawnResult {
    /// Wall-clock seconds from starting the program to its exit being collected.
    var wall: Double
    /// The exit status (or 128 + the signal that ended it).
    var status: Int32
}

/// Runs a program with its standard output to /dev/null and its standard error to `errorPath`
/// (/dev/null when nil), waits for it with `waitpid`, and times it.
///
/// Foundation's `Process.waitUntilExit()` on Linux checks for the exit from a run loop that wakes every
/// 50 ms, which rounds every wall-clock time up to the next 50 ms; this waits for the exit itself.
func spawnAndWait(_ executable: String, _ arguments: [String], errorPath: String? = nil) -> Result<SpawnResult, Problem> {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, errorPath ?? "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    let argv = ([executable] + arguments).map { strdup($0) } + [nil]
    defer { for p in argv { free(p) } }
    let clock = ContinuousClock()
    let start = clock.now
    var pid = pid_t()
    let spawned = posix_spawn(&pid, executable, &actions, nil, argv, environ)
    guard spawned == 0 else {
        return .failure(Problem("cannot start \(executable): \(String(cString: strerror(spawned)))"))
    }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 {
        guard errno == EINTR else { return .failure(Problem("lost track of \(executable): \(String(cString: strerror(errno)))")) }
    }
    let elapsed = clock.now - start
    let wall = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    // WIFEXITED / WEXITSTATUS / WTERMSIG, spelled out: the C macros are not imported.
    let signal = status & 0x7F
    let code = signal == 0 ? (status >> 8) & 0xFF : 128 + signal
    return .success(SpawnResult(wall: wall, status: code))
}
