import CReadline

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The signal flags, set by the handlers. Plain globals with constant values, touched once before
/// any handler is installed, so the handlers only ever store to initialised memory.
nonisolated(unsafe) private var interruptReceived: sig_atomic_t = 0
nonisolated(unsafe) private var resizeReceived: sig_atomic_t = 0
/// Write end of the wake-up pipe, or -1.
nonisolated(unsafe) private var wakeWriteDescriptor: Int32 = -1

/// Catches Ctrl-C (SIGINT) and window resizes (SIGWINCH) while a line is being read, so a waiting
/// `poll` wakes up instead of the process ending.
///
/// The handlers only set a flag and write one byte to a pipe that `wait(for:)` also watches, so a
/// signal arriving just before `poll` starts is not missed.
enum Interrupts {
    enum WaitResult {
        case readable
        case woken
        case failed
    }

    private nonisolated(unsafe) static var wakeReadDescriptor: Int32 = -1
    private nonisolated(unsafe) static var previousInterrupt = sigaction()
    private nonisolated(unsafe) static var previousResize = sigaction()

    fileprivate static func handle(_ signalNumber: Int32) {
        let savedErrno = errno
        if signalNumber == SIGINT {
            interruptReceived = 1
        } else {
            resizeReceived = 1
        }
        if wakeWriteDescriptor >= 0 {
            var byte: UInt8 = 0
            _ = write(wakeWriteDescriptor, &byte, 1)
        }
        errno = savedErrno
    }

    /// Installs the handlers for the duration of one read.
    static func begin() {
        interruptReceived = 0
        resizeReceived = 0
        if wakeReadDescriptor < 0 {
            var descriptors: [Int32] = [-1, -1]
            if pipe(&descriptors) == 0 {
                for descriptor in descriptors {
                    _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
                    _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
                }
                wakeReadDescriptor = descriptors[0]
                wakeWriteDescriptor = descriptors[1]
            }
        }
        drainWakePipe()
        _ = cr_install_signal_handler(SIGINT, handleSignal, &previousInterrupt)
        _ = cr_install_signal_handler(SIGWINCH, handleSignal, &previousResize)
    }

    /// Puts back the handlers that were there before `begin()`.
    static func end() {
        _ = cr_restore_signal_handler(SIGINT, &previousInterrupt)
        _ = cr_restore_signal_handler(SIGWINCH, &previousResize)
    }

    /// Whether Ctrl-C was pressed since the last call; clears the flag.
    static func takeInterrupt() -> Bool {
        if interruptReceived == 0 {
            return false
        }
        interruptReceived = 0
        return true
    }

    /// Whether the window was resized since the last call; clears the flag.
    static func takeResize() -> Bool {
        if resizeReceived == 0 {
            return false
        }
        resizeReceived = 0
        return true
    }

    /// Waits until `descriptor` has input or a signal arrives.
    static func wait(for descriptor: Int32) -> WaitResult {
        var fds = [
            pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0),
            pollfd(fd: wakeReadDescriptor, events: Int16(POLLIN), revents: 0),
        ]
        let count = nfds_t(wakeReadDescriptor >= 0 ? 2 : 1)
        let ready = poll(&fds, count, -1)
        if ready < 0 {
            return errno == EINTR || errno == EAGAIN ? .woken : .failed
        }
        if count == 2 && fds[1].revents != 0 {
            drainWakePipe()
            return .woken
        }
        if fds[0].revents & Int16(POLLNVAL | POLLERR) != 0 {
            return .failed
        }
        // Input, end of input and hang-up are all for readline to read and report.
        return .readable
    }

    private static func drainWakePipe() {
        guard wakeReadDescriptor >= 0 else { return }
        var bytes = [UInt8](repeating: 0, count: 64)
        while read(wakeReadDescriptor, &bytes, bytes.count) > 0 {}
    }
}

/// The signal handler; C needs a global function.
private func handleSignal(_ signalNumber: Int32) {
    Interrupts.handle(signalNumber)
}
