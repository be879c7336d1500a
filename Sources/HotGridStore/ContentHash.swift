import Crypto
import Foundation

/// SHA-256 of content, as lower-case hex: the name of stored files and publications, and the links of the audit chain.
public enum ContentHash {
    /// The SHA-256 of `data` in lower-case hex.
    public static func sha256(_ data: Data) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(64)
        for b in SHA256.hash(data: data) {
            out.append(digits[Int(b >> 4)])
            out.append(digits[Int(b & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
