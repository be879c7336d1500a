import Foundation

/// One day of a per-cell variable as stored: 32-bit floats in the region's dense cell order,
/// little-endian, NaN where the value is missing.
enum CellCube {
    static func encode(_ values: [Float]) -> Data {
        #if _endian(little)
        // The stored layout is the memory layout: one copy (a year of 2+26 is 46 MB per variable).
        return values.withUnsafeBufferPointer { Data(buffer: $0) }
        #else
        var data = Data(capacity: values.count * 4)
        for value in values {
            withUnsafeBytes(of: value.bitPattern.littleEndian) { data.append(contentsOf: $0) }
        }
        return data
        #endif
    }

    static func decode(_ data: Data) -> [Float] {
        #if _endian(little)
        var values = [Float](repeating: 0, count: data.count / 4)
        values.withUnsafeMutableBytes { target in
            data.withUnsafeBytes { source in target.copyMemory(from: UnsafeRawBufferPointer(rebasing: source.prefix(target.count))) }
        }
        return values
        #else
        return data.withUnsafeBytes { raw in
            (0..<(raw.count / 4)).map { Float(bitPattern: UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: $0 * 4, as: UInt32.self))) }
        }
        #endif
    }
}
