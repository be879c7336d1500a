import Foundation
import HotGridCore
import HotGridStore

/// `hotgrid field`: a stored variable as `cell_id,day,value`, every cell of every stored day in
/// the range (an empty value where the day has none), so a user can check an import against
/// their own tools.
public struct FieldExport {
    public static let columns = ["cell_id", "day", "value"]

    private let store: any Store
    public init(store: any Store) { self.store = store }

    /// The CSV; throws when the variable has no stored day in the range.
    public func render(variable: FieldVariable, from: Day, to: Day) throws -> Data {
        let days = try store.fieldDays(variable.rawValue, from: from, to: to)
        guard !days.isEmpty else { throw ServiceError.nothingStored(variable: variable.rawValue, from: from, to: to) }
        let cells = try store.cells().map { $0.id.description }
        var text = Self.columns.joined(separator: ",") + "\n"
        text.reserveCapacity(days.count * cells.count * 32)
        for (day, values) in days {
            let date = day.description
            for (cell, value) in zip(cells, values) {
                text += cell + "," + date + "," + (value.isNaN ? "" : "\(value)") + "\n"
            }
        }
        return Data(text.utf8)
    }
}
