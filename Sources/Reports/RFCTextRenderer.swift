/// ASCII artwork for Internet-Drafts: at most 69 columns, because xml2rfc
/// indents artwork by 3 within its 72-column page. The layout is `TextGrid`'s:
/// words wrap, wide tables become several column groups (each repeating the
/// first column), never key/value records. The caption is left out by default
/// (the `<figure>`'s or `<table>`'s `<name>` carries it, and xml2rfc numbers
/// it); with `caption`, it comes first. Notes follow the artwork.
public enum RFCTextRenderer {
    public static let pageWidth = 69

    public static func render(_ table: Table, caption: Bool = false) -> String {
        TextGrid.render(table, width: pageWidth, ascii: true, caption: caption)
    }
}
