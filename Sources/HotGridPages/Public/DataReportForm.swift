import HotGridCore

/// "Report a data error": the public form, and the receipt naming whom the report went to.
public enum DataReportForm {
    /// The form, `cell` filled in when the reader came from a cell's page.
    public static func render(cityNames: [String: String], cell: String, message: String?, _ language: Language) -> HTML {
        let cities = cityNames.sorted { $0.key < $1.key }.map { c -> HTML in "<option value=\"\(c.key)\">\(c.value)</option>" }
        return SiteFrame.page("Report a data error · HotGrid", language, """
            <h1>\(language.t("报告数据错误", "Report a data error"))</h1>
            <p>\(language.t("发现公布的数据或名单有误？请告诉我们。报告将转交该市的负责人员处理并答复。",
                            "Does a published figure or list look wrong? Tell us: the report goes to the responsible officer of the city, who answers it."))</p>
            \(SiteFrame.notice(message))
            <form method="post" action="/report\(language.query)">
            <p><label>\(language.t("网格编号（可选）", "Cell id (optional)"))<br><input name="cell" value="\(cell)" placeholder="3K-R01234-C05678"></label></p>
            <p><label>\(language.t("或城市", "or city"))<br><select name="city"><option value=""></option>\(cities.joined())</select></label></p>
            <p><label>\(language.t("哪里有误", "What looks wrong"))<br><textarea name="message" required maxlength="4000" rows="5" cols="60"></textarea></label></p>
            <p><label>\(language.t("联系方式（可选，仅工作人员可见）", "How to reach you (optional, seen by staff only)"))<br><input name="contact" maxlength="200"></label></p>
            <p><button type="submit">\(language.t("提交", "Send"))</button></p></form>
            """)
    }

    /// The receipt: the report's number, its city and the officer it was routed to.
    public static func thanks(report: DataReport, cityName: String, officer: Person?, _ language: Language) -> HTML {
        let who: HTML = officer.map { "\($0.name)（\($0.role.chineseName)）" } ?? language.t("待指定", "to be assigned")
        return SiteFrame.page("Report received · HotGrid", language, """
            <h1>\(language.t("已收到您的报告", "Report received"))</h1>
            <p class="receipt">\(language.t("编号", "Reference")) <b>#\(report.id)</b> · \(cityName)
            · \(language.t("转交", "Routed to")) <b>\(who)</b></p>
            <p><a href="/\(language.query)">\(language.t("返回地图", "Back to the map"))</a></p>
            """)
    }
}
