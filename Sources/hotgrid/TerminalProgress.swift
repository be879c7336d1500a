import Foundation
import HotGridService

/// Draws progress on standard error: a live line with count, rate and ETA on a terminal, one line
/// per stage otherwise (logs, CI).
final class TerminalProgress: ProgressReporter {
    private let live = isatty(STDERR_FILENO) != 0
    private var stage = ""
    private var total = 0
    private var done = 0
    private var started = Date()
    private var lastDrawn = Date.distantPast

    func begin(_ stage: String, total: Int) {
        self.stage = stage
        self.total = total
        done = 0
        started = Date()
        if !live { emit("\(stage) …\n") }
    }

    func advance(by steps: Int) {
        done += steps
        guard live, Date().timeIntervalSince(lastDrawn) > 0.1 || done == total else { return }
        lastDrawn = Date()
        let elapsed = Date().timeIntervalSince(started)
        let rate = elapsed > 0 ? Double(done) / elapsed : 0
        let eta = rate > 0 ? Double(total - done) / rate : 0
        let percent = total > 0 ? 100 * done / total : 100
        emit(String(format: "\r\u{1B}[K%@: %d/%d (%d%%) %.0f/s ETA %.0f s", stage, done, total, percent, rate, eta))
    }

    func end(_ summary: String) {
        let elapsed = Date().timeIntervalSince(started)
        emit((live ? "\r\u{1B}[K" : "") + String(format: "%@: %@ in %.1f s\n", stage, summary, elapsed))
    }

    private func emit(_ text: String) { FileHandle.standardError.write(Data(text.utf8)) }
}

/// Writes a line to standard output at once, unbuffered, so it keeps its place among the progress
/// lines on standard error and is out before a server starts waiting for requests.
func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}
