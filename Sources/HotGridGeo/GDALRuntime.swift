import CGDAL
import Foundation

/// GDAL's process-wide set-up and error reporting.
enum GDALRuntime {
    /// Done once: register every driver, keep GDAL from printing its own messages (HotGrid reports
    /// errors itself, naming the file), and cap GDAL's block cache (by default 5 % of RAM):
    /// HotGrid reads each band once, so a large cache only holds memory.
    private static let registration: Void = {
        GDALAllRegister()
        CPLSetErrorHandler(CPLQuietErrorHandler)
        GDALSetCacheMax64(128 << 20)
    }()

    /// netCDF and HDF5 are not thread-safe, and GDAL's netCDF driver does not guard every path
    /// (its multidimensional API among them): raster and netCDF work runs one call at a time.
    private static let lock = NSRecursiveLock()

    /// Runs `body` holding the process-wide GDAL raster lock.
    static func serialized<T>(_ body: () throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }

    /// Takes and releases the same lock around work that spans several calls (a writer's life).
    static func lockForWriting() { lock.lock() }
    static func unlockForWriting() { lock.unlock() }

    /// Call before any GDAL use; cheap after the first call.
    static func ensureRegistered() { _ = registration }

    /// GDAL's last error message on this thread, or a fallback when it left none.
    static func lastErrorMessage(or fallback: String = "GDAL gave no reason") -> String {
        guard let message = CPLGetLastErrorMsg(), message.pointee != 0 else { return fallback }
        return String(cString: message)
    }

    /// Throws a clear error when `path` is not a readable file (GDAL would only say it cannot open it).
    /// Paths GDAL resolves itself (`/vsizip/…`, `NETCDF:…`) are left to GDAL.
    static func requireReadableFile(_ path: String) throws {
        guard path.hasPrefix("/") || !path.contains(":"), !path.hasPrefix("/vsi") else { return }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw GeoError.cannotOpen(path: path, reason: "no such file")
        }
        guard isDirectory.boolValue || FileManager.default.isReadableFile(atPath: path) else {
            throw GeoError.cannotOpen(path: path, reason: "permission denied")
        }
    }

    /// Clears GDAL's last error so the next failure reports its own message.
    static func resetError() { CPLErrorReset() }
}
