import HotGridCore

/// A field of what people enter — a flag of the command line, a key of the API's JSON, a field of
/// a form — named once here, so an error can name it in its reader's words.
public enum InputField: String, Sendable, CaseIterable {
    case position, source, cell, category, description, foundOn, comment, department, deadline, duplicateOf, evidence
    case name, phone, code, role, scope, duty, person, actor, login, password, staff
    case findings, note, month, city, message, contact, answer, report, audit

    /// The field as `audience` knows it.
    public func name(for audience: Audience) -> String {
        switch audience {
        case .commandLine: commandLineName
        case .api: apiName
        case .page: label
        }
    }

    private var commandLineName: String {
        switch self {
        case .position: "--lon/--lat"
        case .foundOn: "--found-on"
        case .duplicateOf: "--duplicate-of"
        case .actor: "--as"
        default: "--\(rawValue)"
        }
    }

    private var apiName: String {
        switch self {
        case .position: "lon/lat"
        case .source: "source_id"
        case .cell: "cell_id"
        case .city: "city_code"
        case .foundOn: "found_on"
        case .duplicateOf: "duplicate_of"
        default: rawValue
        }
    }

    /// The form's label, in the ministry's terms.
    private var label: String {
        switch self {
        case .position: "位置（经纬度）"
        case .source: "污染源"
        case .cell: "网格"
        case .category: "问题类别"
        case .description: "问题描述"
        case .foundOn: "发现日期"
        case .comment: "说明"
        case .department: "责任部门"
        case .deadline: "整改时限"
        case .duplicateOf: "重复的问题"
        case .evidence: "证据"
        case .name: "名称"
        case .phone: "电话"
        case .code: "代码"
        case .role: "角色"
        case .scope: "范围"
        case .duty: "职责"
        case .person: "人员"
        case .actor: "操作人"
        case .login: "账号"
        case .password: "密码"
        case .staff: "人员名册"
        case .findings: "巡查发现"
        case .note: "备注"
        case .month: "月份"
        case .city: "城市"
        case .message: "报告内容"
        case .contact: "联系方式"
        case .answer: "答复"
        case .report: "报告"
        case .audit: "审计日志"
        }
    }
}
