import HotGridCore

extension Workspace {
    /// "One hotspot cell, one problem list" in the workspace: the cell's staff, sources and
    /// problems, with the forms to assign its grid leader and supervisor and to record a problem.
    public struct CellWork: Sendable {
        public let place: CellLocation
        /// The name of the person on each duty (grid leader, grid supervisor), when assigned.
        public let staff: [Role: String]
        /// Whom the assign form offers: grid leaders and supervisors.
        public let candidates: [Person]
        public let sources: [SourceView]
        public let problems: [Problem]
        /// Whether this person may assign the cell's staff, and record problems in it: the forms
        /// are offered only then.
        public let mayAssign: Bool
        public let mayRecord: Bool

        public init(place: CellLocation, staff: [Role: String], candidates: [Person], sources: [SourceView], problems: [Problem],
                    mayAssign: Bool, mayRecord: Bool) {
            self.place = place
            self.staff = staff
            self.candidates = candidates
            self.sources = sources
            self.problems = problems
            self.mayAssign = mayAssign
            self.mayRecord = mayRecord
        }
    }

    /// What was typed into the problem form, shown again when the ledger refused it.
    public struct ProblemDraft: Sendable {
        public let category: String
        public let source: String
        public let description: String
        public let foundOn: String
        public let lon: String
        public let lat: String

        public init(category: String, source: String, description: String, foundOn: String, lon: String, lat: String) {
            self.category = category
            self.source = source
            self.description = description
            self.foundOn = foundOn
            self.lon = lon
            self.lat = lat
        }
    }

    public func cell(_ work: CellWork, today: Day, message: String?, draft: ProblemDraft? = nil) -> HTML {
        let id = work.place.cell
        let staffRows = [Role.gridLeader, .gridSupervisor].map { duty -> HTML in "<tr><td>\(duty.chineseName)</td><td>\(work.staff[duty] ?? "—")</td></tr>" }
        let sourceRows = work.sources.map { s -> HTML in
            "<tr><td>#\(s.id)</td><td>\(s.kind.chineseName)</td><td>\(s.name.map(HTML.init(text:)) ?? language.t("（保密）", "(withheld)"))</td>"
                + "<td>\(s.censusID ?? "")</td><td>\(s.operatorName ?? "")</td></tr>"
        }
        let candidates = work.candidates.map { p -> HTML in "<option value=\"\(p.id)\">\(p.name)（\(p.role.chineseName)）</option>" }
        func selected(_ yes: Bool) -> HTML { yes ? " selected" : .empty }
        let categories = ProblemCategory.allCases.map { c -> HTML in
            "<option value=\"\(c.rawValue)\"\(selected(draft?.category == c.rawValue))>\(c.chineseName)</option>"
        }
        let sourceOptions = work.sources.map { s -> HTML in
            "<option value=\"\(s.id)\"\(selected(draft?.source == "\(s.id)"))>#\(s.id) \(s.name ?? s.kind.chineseName)</option>"
        }
        return page("\(id) · HotGrid", """
            <h1>\(language.t("网格", "Cell")) \(id)</h1>
            \(SiteFrame.notice(message))
            <p>\(work.place.cityName) \(work.place.countyName) · <a href="/cells/\(id)">\(language.t("公开页面", "public page"))</a> ·
            \(language.t("一网格一清单", "Problem sheet")): <a href="/staff/cells/\(id)/sheet">HTML</a> <a href="/staff/cells/\(id)/sheet?format=csv">CSV</a></p>
            <h2>\(language.t("网格人员", "Grid staff"))</h2><table>\(staffRows.joined())</table>
            \(work.mayAssign ? assignForm(id, candidates) : .empty)
            <h2>\(language.t("污染源", "Sources")) (\(work.sources.count))</h2>
            <table><thead><tr><th>#</th><th>\(language.t("类型", "Kind"))</th><th>\(language.t("名称", "Name"))</th>
            <th>\(language.t("普查编号", "Census id"))</th><th>\(language.t("运营单位", "Operator"))</th></tr></thead><tbody>\(sourceRows.joined())</tbody></table>
            <h2>\(language.t("问题清单", "Problems"))</h2>
            \(problemTable(work.problems, today: today))
            \(work.mayRecord ? recordForm(work.place, categories, sourceOptions, today: today, draft: draft) : .empty)
            """)
    }

    private func assignForm(_ id: CellID, _ candidates: [HTML]) -> HTML {
        """
        <form method="post" action="/staff/cells/\(id)/assign">\(csrfField)
        <label>\(language.t("职责", "Duty")) <select name="duty"><option value="grid_leader">\(Role.gridLeader.chineseName)</option><option value="grid_supervisor">\(Role.gridSupervisor.chineseName)</option></select></label>
        <label>\(language.t("人员", "Person")) <select name="person">\(candidates.joined())</select></label> <button>\(language.t("指定", "Assign"))</button></form>
        """
    }

    /// The problem form: a problem at a known source takes its position; any other (open burning
    /// seen on patrol) is placed by its coordinates, the cell's centre unless changed.
    private func recordForm(_ place: CellLocation, _ categories: [HTML], _ sourceOptions: [HTML], today: Day, draft: ProblemDraft?) -> HTML {
        let lon = draft?.lon ?? String(format: "%.5f", place.longitude), lat = draft?.lat ?? String(format: "%.5f", place.latitude)
        return """
        <h2>\(language.t("登记问题", "Record a problem"))</h2>
        <form method="post" action="/staff/cells/\(place.cell)/problems">\(csrfField)
        <p><label>\(language.t("问题类别", "Category")) <select name="category">\(categories.joined())</select></label>
        <label>\(language.t("污染源", "Source")) <select name="source"><option value="">\(language.t("（无对应污染源）", "(no source)"))</option>\(sourceOptions.joined())</select></label>
        <label>\(language.t("发现日期", "Found on")) <input name="found_on" type="date" max="\(today)" value="\(draft?.foundOn ?? today.description)"></label></p>
        <p>\(language.t("无对应污染源时的位置（默认为网格中心）", "Where, when there is no source (the cell's centre unless changed)")):
        <label>\(language.t("经度", "Longitude")) <input name="lon" type="number" step="0.00001" min="-180" max="180" value="\(lon)"></label>
        <label>\(language.t("纬度", "Latitude")) <input name="lat" type="number" step="0.00001" min="-90" max="90" value="\(lat)"></label></p>
        <p><label>\(language.t("问题描述", "What was found"))<br><textarea name="description" required rows="3" cols="60">\(draft?.description ?? "")</textarea></label></p>
        <p><button>\(language.t("登记", "Record"))</button></p></form>
        """
    }
}
