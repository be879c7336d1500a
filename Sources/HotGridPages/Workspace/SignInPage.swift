/// The staff sign-in form. `formToken` is the form's own token (double submit, before there is
/// a session); `next` is the workspace page to return to.
public enum SignInPage {
    public static func render(next: String, message: String?, formToken: String, _ language: Language) -> HTML {
        SiteFrame.page("Sign in · HotGrid", language, """
            <h1>\(language.t("工作人员登录", "Staff sign-in"))</h1>
            \(SiteFrame.notice(message))
            <form method="post" action="/login" class="login"><input type="hidden" name="next" value="\(next)">
            <input type="hidden" name="form_token" value="\(formToken)">
            <p><label>\(language.t("账号", "Login"))<br><input name="login" autocomplete="username" required></label></p>
            <p><label>\(language.t("密码", "Password"))<br><input name="password" type="password" autocomplete="current-password" required></label></p>
            <p><button type="submit">\(language.t("登录", "Sign in"))</button></p></form>
            """)
    }
}
