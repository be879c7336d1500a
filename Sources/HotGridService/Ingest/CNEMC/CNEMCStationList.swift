import Foundation
import HotGridCore

/// CNEMC's station list (站点列表) as published: `监测点编码,监测点名称,城市,经度,纬度`, in some
/// years with `对照点` (Y/N, a background site) after them; UTF-8, often with a BOM. Retired
/// stations keep their rows ("(停运YYMMDD)" in the name) and their data before retirement count.
struct CNEMCStationList {
    struct Entry: Equatable {
        let code: String
        let name: String
        let city: String
        /// nil when the row has no usable coordinates (empty, `-`, or out of range).
        let position: LonLat?
        /// Whether the list marks it a background site (对照点); nil when the list has no such column.
        let background: Bool?
    }

    let path: String
    /// Every code, with its last row when it appears twice.
    private(set) var entries: [String: Entry] = [:]
    /// Codes listed more than once (a renamed site): the later row is used.
    private(set) var repeated: [String] = []

    static let columns = (code: "监测点编码", name: "监测点名称", city: "城市", lon: "经度", lat: "纬度", background: "对照点")

    init(path: String) throws {
        self.path = path
        let reader = try CSVReader(path: path)
        var columns: CSVColumns?
        var hasBackground = false
        let c = Self.columns
        try reader.read(header: { header in
            columns = try CSVColumns(header: header, required: [c.code, c.name, c.city, c.lon, c.lat], path: path)
            hasBackground = header.contains(c.background)
        }) { line, fields in
            guard let columns else { return }
            let code = columns.value(c.code, in: fields)
            guard !code.isEmpty else { throw IngestError.badRow(path: path, line: line, problem: "\(c.code) (station code) is empty") }
            let position = Self.position(lon: columns.value(c.lon, in: fields), lat: columns.value(c.lat, in: fields))
            let flag = columns.value(c.background, in: fields).uppercased()
            if entries[code] != nil { repeated.append(code) }
            entries[code] = Entry(code: code, name: columns.value(c.name, in: fields), city: columns.value(c.city, in: fields),
                                  position: position, background: hasBackground ? flag == "Y" : nil)
        }
        repeated = Array(Set(repeated)).sorted()
    }

    /// A station's position from CNEMC's longitude and latitude texts; nil when they are empty,
    /// `-`, out of range or 0,0 (the list's and the release's ways of saying "unknown").
    static func position(lon lonText: String, lat latText: String) -> LonLat? {
        guard let lon = DecimalText.parse(lonText), let lat = DecimalText.parse(latText),
              (-180...180).contains(lon), (-90...90).contains(lat), lon != 0 || lat != 0 else { return nil }
        return LonLat(longitude: lon, latitude: lat)
    }
}
