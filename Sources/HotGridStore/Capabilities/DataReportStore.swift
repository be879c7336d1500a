import HotGridCore

/// The public's reports of data errors (数据纠错) and their answers; written through a ``LedgerTransaction``.
public protocol DataReportStore: StoreLocated {
    /// Data reports, newest first: all, or those of some cities.
    func dataReports(cities: Set<String>?) throws -> [DataReport]
    func dataReport(id: Int) throws -> DataReport?
}

extension DataReportStore {
    /// Every data report, newest first.
    public func dataReports() throws -> [DataReport] { try dataReports(cities: nil) }
}
