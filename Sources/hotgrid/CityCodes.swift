import Foundation

/// The city adcodes of a `--cities` option ("130100, 130600"); nil (keep every city) when not given.
func cityCodes(_ option: String?) -> [String]? {
    option?.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
}
