/// The style sheet of HotGrid's pages (publications, portal): served inline, no network needed.
public enum PageStyle {
    public static let css: HTML = """
        body{font-family:"Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei",sans-serif;margin:0 auto;max-width:1100px;\
        padding:1rem 1.5rem;color:#1d2733;line-height:1.5}h1{font-size:1.6rem;margin:.2rem 0}h2{font-size:1.2rem;margin-top:2rem}\
        .en{color:#5b6b7b;font-size:.85em}header .en{font-size:1rem}.provenance{background:#f3f6f9;padding:.6rem 1rem;border-radius:6px}\
        .correction{color:#9a3d00;font-weight:bold}code{word-break:break-all}figure{margin:0}\
        .cellmap{width:100%;max-height:80vh;background:#fbfcfd;border:1px solid #d8dee4}\
        .cellmap .hot{fill:#f2c9a5}.cellmap .outline{fill:none;stroke:#1d2733;stroke-width:.8}\
        .cellmap .border{fill:none;stroke:#7a8896;stroke-width:.4}.cellmap circle{stroke:#fff}\
        .cellmap .labels{font-size:7px;fill:#1d2733;text-anchor:middle;paint-order:stroke;stroke:#fff;stroke-width:1.5px}\
        .highest_concentration{fill:#c0392b;background:#c0392b}.worst_year_on_year{fill:#7d3c98;background:#7d3c98}\
        .worst_month_on_month{fill:#d68910;background:#d68910}.key{display:inline-block;width:.8em;height:.8em;border-radius:50%;\
        margin:0 .3em 0 1em;vertical-align:middle}.key.hot{background:#f2c9a5;border-radius:0}\
        table{border-collapse:collapse;width:100%;font-size:.9rem}th,td{border-bottom:1px solid #e1e6eb;padding:.25rem .4rem;\
        text-align:left;vertical-align:top}th{background:#f3f6f9}td.n{text-align:right;font-variant-numeric:tabular-nums}\
        .tag{color:#fff;border-radius:3px;padding:0 .3em;white-space:nowrap;font-size:.85em}footer{margin-top:2rem;font-size:.85rem}\
        .scroll{overflow-x:auto}tr.total td{font-weight:bold;border-top:2px solid #1d2733}img.thumb{max-width:96px;max-height:96px;vertical-align:middle}
        """
}
