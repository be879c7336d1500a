import HotGridCore

/// How stations are split for cross-validation: each fold's stations are estimated from the
/// others only.
public enum StationFolds {
    /// Folds by a fixed hash of the station ids: neighbours usually land in different folds, so a
    /// held-out station still has kept ones nearby (how well the field does among stations).
    public static func random(ids: [String], folds: Int) -> [Int] {
        let order = ids.indices.sorted { (hash(ids[$0]), $0) < (hash(ids[$1]), $1) }
        var fold = [Int](repeating: 0, count: ids.count)
        for (rank, s) in order.enumerated() { fold[s] = rank % folds }
        return fold
    }

    /// Spatially blocked folds: the stations clustered into `folds` groups of neighbours by
    /// k-means on their positions (seeded by farthest points, so the same network always splits
    /// the same way), each group held out whole, so a held-out station's nearest kept one is far
    /// away (how well the field does away from stations, as spatially blocked validation in
    /// ACAG's and CHAP's papers asks).
    public static func blocked(points: [ProjectedPoint], folds: Int) -> [Int] {
        guard !points.isEmpty else { return [] }
        let k = min(folds, points.count)
        func d2(_ a: ProjectedPoint, _ b: ProjectedPoint) -> Double { (a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y) }
        var centres = [points[0]]
        while centres.count < k {
            let far = points.indices.max { a, b in
                centres.map { d2(points[a], $0) }.min()! < centres.map { d2(points[b], $0) }.min()!
            }!
            centres.append(points[far])
        }
        var fold = [Int](repeating: 0, count: points.count)
        for _ in 0..<50 {
            let next = points.map { p in centres.indices.min { d2(p, centres[$0]) < d2(p, centres[$1]) }! }
            for c in 0..<k {
                let members = points.indices.filter { next[$0] == c }
                guard !members.isEmpty else { continue }
                centres[c] = ProjectedPoint(x: members.map { points[$0].x }.reduce(0, +) / Double(members.count),
                                            y: members.map { points[$0].y }.reduce(0, +) / Double(members.count))
            }
            if next == fold { break }
            fold = next
        }
        return fold
    }

    /// Per held-out station, the distance (m) to the nearest station kept in its fold's run.
    public static func nearestKeptDistances(points: [ProjectedPoint], fold: [Int]) -> [Double] {
        points.indices.map { i in
            points.indices.filter { fold[$0] != fold[i] }.map { j in
                ((points[i].x - points[j].x) * (points[i].x - points[j].x) + (points[i].y - points[j].y) * (points[i].y - points[j].y)).squareRoot()
            }.min() ?? .infinity
        }
    }

    static func hash(_ text: String) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 { h = (h ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return h
    }
}
