import Foundation

/// The process's peak resident memory so far, in megabytes, so commands can report what they cost.
func peakMemoryMegabytes() -> Int {
    var usage = rusage()
    getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
    return Int(usage.ru_maxrss) / 1024 // Linux reports kilobytes.
}
