import Foundation

/// The two shapes CNEMC's hourly data reach users in, told apart by their header.
enum CNEMCFormat: Equatable {
    /// The daily wide file `china_sites_YYYYMMDD.csv`: `date,hour,type,1001A,1002A,…`, one row per
    /// hour and pollutant, one column per station; positions only in the station list.
    case wide
    /// The real-time release as archived hour by hour (e.g. `2022-01-04T16.csv`):
    /// `timepoint,stationcode,longitude,latitude,…,pm2_5,…`, one row per station, with its position.
    case live

    /// The format a header announces; nil for any other CSV.
    init?(header: [String]) {
        if header.count > 3, header[0] == "date", header[1] == "hour", header[2] == "type" {
            self = .wide
        } else if Set(header.map(CNEMCLiveFile.normalized)).isSuperset(of: ["timepoint", "stationcode"]) {
            self = .live
        } else {
            return nil
        }
    }
}

/// One CNEMC file to read and its format.
struct CNEMCFile: Equatable {
    let path: String
    let format: CNEMCFormat

    /// The files named, with each folder replaced by the CNEMC files inside it, in name order (the
    /// date order of both formats' names). A file named is refused by name unless it is one of the
    /// formats; in a folder, other CSV files (a station list, notes) are passed over and returned
    /// in `passedOver`.
    static func gather(_ paths: [String]) throws -> (files: [CNEMCFile], passedOver: [String]) {
        var files: [CNEMCFile] = [], passedOver: [String] = []
        for path in paths {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
                throw IngestError.cannotRead(path: path, reason: "no such file or folder")
            }
            guard isFolder.boolValue else {
                guard !path.hasSuffix(".gz") else { throw IngestError.cannotRead(path: path, reason: "compressed: gunzip it first") }
                guard let format = try format(of: path) else {
                    throw IngestError.cannotRead(path: path, reason: "not a CNEMC file: its header is neither date,hour,type,<station codes>… "
                                                 + "(china_sites_YYYYMMDD.csv) nor timepoint,stationcode,… (the hourly real-time release)")
                }
                files.append(CNEMCFile(path: path, format: format))
                continue
            }
            let names = try FileManager.default.contentsOfDirectory(atPath: path).filter { $0.hasSuffix(".csv") }.sorted()
            var found = 0
            for name in names {
                let file = (path as NSString).appendingPathComponent(name)
                if let format = try format(of: file) {
                    files.append(CNEMCFile(path: file, format: format))
                    found += 1
                } else {
                    passedOver.append(file)
                }
            }
            guard found > 0 else {
                throw IngestError.cannotRead(path: path, reason: "the folder holds no CNEMC file (china_sites_YYYYMMDD.csv or hourly "
                                             + "timepoint,stationcode,… files; gunzip .csv.gz files first)")
            }
        }
        let sorted = files.sorted { ($0.path as NSString).lastPathComponent < ($1.path as NSString).lastPathComponent }
        return (sorted, passedOver)
    }

    /// The format of the file at `path`, from its first line alone.
    private static func format(of path: String) throws -> CNEMCFormat? {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw IngestError.cannotRead(path: path, reason: "cannot be opened") }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 16_384)) ?? Data()
        guard let firstLine = head.split(separator: UInt8(ascii: "\n"), maxSplits: 1).first else { return nil }
        var text = String(decoding: firstLine, as: UTF8.self)
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        let header = text.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ",", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
        return CNEMCFormat(header: header)
    }
}
