/// The frame of every portal and workspace page: the site's navigation around the body.
public enum SiteFrame {
    /// A whole page: `title` is plain text (a boundary's name may hold anything) and is escaped.
    public static func page(_ title: String, _ language: Language, _ body: HTML) -> HTML {
        """
        <!DOCTYPE html><html lang="\(language.english ? "en" : "zh-CN")"><head><meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1"><title>\(title)</title>
        <style>\(PageStyle.css) nav{display:flex;gap:1.2rem;align-items:baseline;border-bottom:1px solid #d8dee4;padding-bottom:.4rem}
        nav .lang{margin-left:auto} tr.overdue td{background:#fdecea}</style></head><body>
        <nav><b>HotGrid 热点网格</b><a href="/\(language.query)">\(language.t("地图", "Map"))</a>
        <a href="/publications\(language.query)">\(language.t("预警名单", "Published lists"))</a>
        <a href="/report\(language.query)">\(language.t("报告数据错误", "Report a data error"))</a>
        <a href="/api/v1/openapi.yaml">API</a><a href="/staff\(language.query)">\(language.t("工作台", "Staff"))</a>
        <span class="lang">\(language.switchLink)</span></nav>
        \(body)
        </body></html>

        """
    }

    /// A notice above a form: what went wrong with the last submission.
    static func notice(_ message: String?) -> HTML? { message.map { "<p class=\"correction\">\($0)</p>" } }
}

/// An error as a browser sees it, on any route outside `/api`: what happened in the ministry's
/// words first, the message, and the way on (signing in, for a 401).
public enum ErrorPage {
    public static func render(status: Int, message: String, _ language: Language) -> HTML {
        let (zh, en): (String, String) = switch status {
        case 400: ("请求有误", "Bad request")
        case 401: ("请先登录", "Sign in first")
        case 403: ("无权访问", "Not allowed")
        case 404: ("未找到", "Not found")
        case 409: ("与当前状态冲突", "Conflict")
        case 413: ("内容过大", "Too large")
        case 422: ("无法办理", "Cannot be done")
        case 429: ("请求过于频繁", "Too many requests")
        case 503: ("暂时无法服务", "Unavailable")
        default: ("服务器内部错误", "Internal error")
        }
        let next: HTML = status == 401 ? "<a href=\"/login\(language.query)\">\(language.t("登录", "Sign in"))</a> · " : .empty
        return SiteFrame.page(language.either(zh, en), language, """
            <h1>\(language.t("\(zh)", "\(en)")) <small>\(status)</small></h1>
            <p class="error">\(message)</p>
            <p>\(next)<a href="/staff\(language.query)">\(language.t("工作台", "Workspace"))</a> · <a href="/\(language.query)">\(language.t("首页", "Home"))</a></p>
            """)
    }
}
