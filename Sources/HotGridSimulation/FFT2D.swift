import Foundation

/// A 2D complex FFT on a power-of-two square, for convolving emission maps with transport
/// kernels. (Swift on Linux has no FFT library in reach; radix-2 Cooley–Tukey is short and exact.)
struct FFT2D {
    let size: Int
    private let cosTable: [Double]
    private let sinTable: [Double]
    private let bitReversed: [Int]

    init(size: Int) {
        precondition(size > 1 && size & (size - 1) == 0, "FFT size must be a power of two")
        self.size = size
        cosTable = (0..<(size / 2)).map { cos(2 * Double.pi * Double($0) / Double(size)) }
        sinTable = (0..<(size / 2)).map { sin(2 * Double.pi * Double($0) / Double(size)) }
        let bits = size.trailingZeroBitCount
        bitReversed = (0..<size).map { i in
            var r = 0
            for b in 0..<bits where i & (1 << b) != 0 { r |= 1 << (bits - 1 - b) }
            return r
        }
    }

    /// Transforms `re`, `im` (row-major, size × size) in place; `inverse` includes the 1/N² scale.
    func transform(_ re: inout [Double], _ im: inout [Double], inverse: Bool) {
        var rowRe = [Double](repeating: 0, count: size), rowIm = rowRe
        for pass in 0..<2 {
            for line in 0..<size {
                for k in 0..<size {
                    let index = pass == 0 ? line * size + k : k * size + line
                    rowRe[k] = re[index]; rowIm[k] = im[index]
                }
                transform1D(&rowRe, &rowIm, inverse: inverse)
                for k in 0..<size {
                    let index = pass == 0 ? line * size + k : k * size + line
                    re[index] = rowRe[k]; im[index] = rowIm[k]
                }
            }
        }
        if inverse {
            let scale = 1 / Double(size * size)
            for i in re.indices { re[i] *= scale; im[i] *= scale }
        }
    }

    private func transform1D(_ re: inout [Double], _ im: inout [Double], inverse: Bool) {
        for i in 0..<size where i < bitReversed[i] {
            re.swapAt(i, bitReversed[i]); im.swapAt(i, bitReversed[i])
        }
        let sign: Double = inverse ? 1 : -1
        var length = 2
        while length <= size {
            let half = length / 2, step = size / length
            var start = 0
            while start < size {
                for k in 0..<half {
                    let wr = cosTable[k * step], wi = sign * sinTable[k * step]
                    let a = start + k, b = a + half
                    let tr = re[b] * wr - im[b] * wi, ti = re[b] * wi + im[b] * wr
                    re[b] = re[a] - tr; im[b] = im[a] - ti
                    re[a] += tr; im[a] += ti
                }
                start += length
            }
            length *= 2
        }
    }
}
