/// Where a cell is, as people name it: its city and county by code and name, and its centre in
/// WGS84 degrees rounded to 1e-6° (about 0.1 m), as every public row and page prints it.
public struct CellLocation: Hashable, Sendable {
    public let cell: CellID
    public let cityCode: String
    public let cityName: String
    public let countyCode: String
    public let countyName: String
    public let longitude: Double
    public let latitude: Double

    public init(cell: Cell, cityName: String, countyName: String) {
        self.cell = cell.id
        cityCode = cell.cityCode
        self.cityName = cityName
        countyCode = cell.countyCode
        self.countyName = countyName
        longitude = (cell.longitude * 1e6).rounded() / 1e6
        latitude = (cell.latitude * 1e6).rounded() / 1e6
    }
}

/// A value together with the place of its cell: a warned cell, a hotspot entry, an escalation or
/// a month's mean, as lists and pages show them.
public struct Placed<Value: Sendable>: Sendable {
    public let place: CellLocation
    public let value: Value

    public init(_ value: Value, at place: CellLocation) {
        self.place = place
        self.value = value
    }
}
