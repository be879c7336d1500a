import Foundation
import Testing
import HotGridCore
@testable import HotGridAnalysis

/// A 9 × 9 block of 3 km cells.
private let cells = (0..<81).map { CellID(resolution: .m3000, row: 700 + $0 / 9, column: 1500 + $0 % 9)! }
private func index(_ r: Int, _ c: Int) -> Int { r * 9 + c }

private func day(_ pm25: [Float], u: Float, v: Float = 0, h: Float) -> EmissionDay {
    EmissionDay(pm25: pm25, u10: [Float](repeating: u, count: 81), v10: [Float](repeating: v, count: 81),
                blh: [Float](repeating: h, count: 81), precip: nil)
}

@Suite("The emission index removes what weather explains")
struct EmissionIndexTests {
    let neighbourhood = CellNeighbourhood(cells: cells)

    @Test("A cell raised only on calm, shallow days ranks below a cell that emits every day")
    func trappedVersusEmitting() {
        // Background 40 µg/m³. A basin around (4, 2) (no emission) is raised by up to 40 on calm days,
        // when the boundary layer is 150 m. Cell (4, 7) emits: with no wind it holds B + E·τ/h.
        let trapped = index(4, 2), emitting = index(4, 7)
        let tau = 2.0 * 86_400, e = 0.01 // µg/m²/s
        var days: [EmissionDay] = []
        for d in 0..<60 {
            let calm = d % 4 == 0
            let h: Float = calm ? 150 : 800
            var pm = [Float](repeating: 40, count: 81)
            if calm {
                for r in 0..<9 {
                    for c in 0..<9 {
                        let d2 = Double((r - 4) * (r - 4) + (c - 2) * (c - 2))
                        pm[index(r, c)] += Float(40 * exp(-d2 / (2 * 2.5 * 2.5)))
                    }
                }
            }
            pm[emitting] += Float(e * tau / Double(h))
            days.append(day(pm, u: calm ? 0.3 : 3, h: h))
        }
        let meanPM = { (i: Int) in days.map { Double($0.pm25[i]) }.reduce(0, +) / Double(days.count) }
        #expect(meanPM(trapped) > meanPM(emitting), "by mean PM2.5 the trapped cell looks worse")
        let result = EmissionIndex().divergence(days: days, neighbourhood: neighbourhood).index
        #expect(result[emitting] > 2 * result[trapped], "the emitter's index is clearly higher")
        #expect(result.indices.max { result[$0] < result[$1] } == emitting)
    }

    @Test("A cell raised only by transport from an upwind source ranks below a smaller source of its own")
    func downwindVersusSource() {
        // Wind 3 m/s towards east. A big source at (2, 2); its downwind neighbour (2, 3) emits nothing; a small
        // source at (6, 6). The field is the steady state of u·∇C = E/h + K∇²C − (C − B)/τ, solved by relaxation
        // with background B outside the block.
        let u = 3.0, h = 600.0, tau = 2.0 * 86_400, dx = 3_000.0, b = 40.0, k = 3_000.0
        var emission = [Double](repeating: 0, count: 81)
        emission[index(2, 2)] = 3 // µg/m²/s
        emission[index(6, 6)] = 0.5
        var c = [Double](repeating: b, count: 81)
        func at(_ r: Int, _ col: Int) -> Double { (0..<9).contains(r) && (0..<9).contains(col) ? c[index(r, col)] : b }
        for _ in 0..<3_000 {
            var next = c
            for r in 0..<9 {
                for col in 0..<9 {
                    let here = c[index(r, col)]
                    let gx = (at(r, col + 1) - at(r, col - 1)) / (2 * dx)
                    let lap = (at(r, col + 1) + at(r, col - 1) + at(r + 1, col) + at(r - 1, col) - 4 * here) / (dx * dx)
                    next[index(r, col)] = here + 300 * (emission[index(r, col)] / h - u * gx + k * lap - (here - b) / tau)
                }
            }
            c = next
        }
        let pm = c.map { Float($0) }
        let downwind = index(2, 3), small = index(6, 6)
        #expect(pm[downwind] > pm[small], "by concentration the downwind cell looks worse")
        let days = (0..<30).map { _ in day(pm, u: Float(u), h: Float(h)) }
        let result = EmissionIndex().divergence(days: days, neighbourhood: neighbourhood).index
        #expect(result[small] > 2 * result[downwind])
        #expect(result[index(2, 2)] > result[small], "the big source stays on top")
    }

    @Test("An unseen cell-day takes the E of the nearby days the satellite saw, not that of its gap-filled value")
    func unseenDaysTakeSeenFlux() {
        // A source at (4, 4) raises its cell by 20 on every day. Every third day the satellite missed the
        // source's cell and its gap-filled value lost the local peak: the index must not be pulled down.
        var peak = [Float](repeating: 55, count: 81)
        peak[index(4, 4)] = 75
        let flat = [Float](repeating: 55, count: 81)
        let days = (0..<30).map { d -> EmissionDay in
            let unseen = d % 3 == 0
            var seen = [Bool](repeating: true, count: 81)
            seen[index(4, 4)] = !unseen
            return EmissionDay(pm25: unseen ? flat : peak, u10: [Float](repeating: 1, count: 81), v10: [Float](repeating: 0, count: 81),
                               blh: [Float](repeating: 500, count: 81), precip: nil, seen: seen)
        }
        let allSeen = EmissionIndex().divergence(days: days.filter { $0.seen![index(4, 4)] }, neighbourhood: neighbourhood).index
        let result = EmissionIndex().divergence(days: days, neighbourhood: neighbourhood).index
        #expect(abs(result[index(4, 4)] - allSeen[index(4, 4)]) < 1e-6 * abs(allSeen[index(4, 4)]))
        var old = EmissionIndex()
        old.gapFluxWindow = 0
        let diluted = old.divergence(days: days, neighbourhood: neighbourhood).index
        #expect(diluted[index(4, 4)] < 0.9 * result[index(4, 4)], "with the gap-filled days' own E the source is diluted")
    }

    @Test("A uniform field has no local emission; a field with a peak puts it on top")
    func uniformAndPeak() {
        let flat = EmissionIndex().divergence(days: [day([Float](repeating: 55, count: 81), u: 2, h: 500)], neighbourhood: neighbourhood).index
        #expect(flat.allSatisfy { abs($0 - flat[0]) < 1e-9 })
        var peak = [Float](repeating: 55, count: 81)
        peak[index(4, 4)] = 90
        let result = EmissionIndex().divergence(days: [day(peak, u: 0, h: 500)], neighbourhood: neighbourhood).index
        #expect(result.indices.max { result[$0] < result[$1] } == index(4, 4))
    }
}

@Suite("The yearly review")
struct HotspotReviewTests {
    private func list(_ cells: [CellID], index: Double = 100) -> HotspotList {
        HotspotList(year: 2017, method: "divergence", policy: .regional,
                    entries: cells.enumerated().map { HotspotEntry(cell: $1, rank: $0 + 1, emissionIndex: index, pm25Annual: nil) })
    }

    @Test("Cells near the cut stay; marked improvement leaves; newly heavy cells enter; the list fills to the target")
    func hysteresis() {
        // Target 10 of 40 cells. Last year: cells 0…9.
        let previous = list(Array(cells[0..<10]))
        // This year's ranking: cells 0…7 still top; cell 8 at rank 12 (within the 1.25 band); cell 9 at rank 30 with
        // its index down 50 %; cells 20, 21 newly at ranks 1 and 9.
        var ranking: [(cell: CellID, index: Double)] = [(cells[20], 300)]
        ranking += (0..<7).map { (cells[$0], 200 - Double($0)) }
        ranking += [(cells[7], 150), (cells[21], 140), (cells[30], 130), (cells[31], 120), (cells[8], 110)]
        ranking += (32..<40).map { (cells[$0], 100 - Double($0)) }
        ranking += (10..<20).map { (cells[$0], 40) }
        ranking += [(cells[9], 50)]
        ranking += (22..<30).map { (cells[$0], 10) }
        let (selected, changes) = HotspotReview().review(previous: previous, ranking: ranking, target: 10)
        let kind = Dictionary(uniqueKeysWithValues: changes.map { ($0.cell, $0.kind) })
        #expect(kind[cells[8]] == .staying, "rank 12 is within the exit band (≤ 13)")
        #expect(kind[cells[9]] == .leaving)
        #expect(changes.first { $0.cell == cells[9] }?.reason.contains("-50 %") == true)
        #expect(kind[cells[20]] == .entering)
        #expect(kind[cells[21]] == nil, "rank 9 is outside the entry band (≤ 8) and the list is already full")
        #expect(selected.count == 10 && selected.first == cells[20])
    }

    @Test("Entering cells fill the list to the target when cells leave")
    func fills() {
        let previous = list([cells[0]], index: 100)
        let ranking: [(cell: CellID, index: Double)] = [(cells[1], 90), (cells[2], 80), (cells[3], 70), (cells[4], 60), (cells[0], 10)]
        let (selected, changes) = HotspotReview().review(previous: previous, ranking: ranking, target: 3)
        #expect(selected == [cells[1], cells[2], cells[3]])
        #expect(changes.first { $0.cell == cells[0] }?.kind == .leaving)
        #expect(changes.first { $0.cell == cells[3] }?.reason.contains("fills the list") == true)
    }

    @Test("A cell beyond the exit band without marked improvement stays")
    func noMarkedImprovement() {
        let previous = list([cells[0]])
        let ranking: [(cell: CellID, index: Double)] = (1..<10).map { (cells[$0], 200) } + [(cells[0], 95)]
        let (selected, changes) = HotspotReview().review(previous: previous, ranking: ranking, target: 2)
        #expect(selected.contains(cells[0]))
        #expect(changes.first { $0.cell == cells[0] }?.kind == .staying)
        #expect(changes.first { $0.cell == cells[0] }?.reason.contains("no marked improvement") == true)
    }

    @Test("With probabilities, a listed cell the data cannot separate stays, and an uncertain newcomer does not enter by the band")
    func probabilities() {
        let previous = list([cells[0], cells[1]])
        // Cell 0 fell 50 % to rank 10 (beyond the exit band of 3) but its probability is still 0.4; cell 2 is new at
        // rank 1 but only 0.6 sure; cell 3 new at rank 2 and sure.
        var ranking: [(cell: CellID, index: Double)] = [(cells[2], 300), (cells[3], 250), (cells[1], 200)]
        ranking += (4..<10).map { (cells[$0], 100 - Double($0)) }
        ranking.append((cells[0], 50))
        let p: [CellID: Double] = [cells[0]: 0.4, cells[1]: 0.97, cells[2]: 0.6, cells[3]: 0.95]
        let (without, _) = HotspotReview().review(previous: previous, ranking: ranking, target: 2)
        #expect(!without.contains(cells[0]) && without.contains(cells[2]))
        let (selected, changes) = HotspotReview().review(previous: previous, ranking: ranking, target: 2, probability: { p[$0] ?? 0 })
        let reason = Dictionary(uniqueKeysWithValues: changes.map { ($0.cell, $0.reason) })
        #expect(selected.contains(cells[0]))
        #expect(reason[cells[0]]?.contains("cannot separate") == true, "\(reason[cells[0]] ?? "")")
        #expect(selected.contains(cells[3]) && reason[cells[3]]?.contains("entry band") == true)
        #expect(!selected.contains(cells[2]), "the list is full and cell 2's rank is not sure enough to enter by the band")
    }
}
