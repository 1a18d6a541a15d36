import Foundation

/// A Word document (WordprocessingML, .docx) on A4, built from its minimal parts: the
/// content types, the package relationships, the document and its styles.
struct WordFormat {
    func render(_ d: Document) throws -> Data {
        let body = Flow.paragraphs(d).map(paragraph).joined(separator: "\n")
        let document = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:document xmlns:w="\(Self.w)"><w:body>
        \(body)
        <w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="1020" w:bottom="1134" w:left="1020" w:header="567" w:footer="567" w:gutter="0"/></w:sectPr>
        </w:body></w:document>

        """
        return try Package.zip([
            ("[Content_Types].xml", Data(Self.contentTypes.utf8), true),
            ("_rels/.rels", Data(Self.packageRels.utf8), true),
            ("word/_rels/document.xml.rels", Data(Self.documentRels.utf8), true),
            ("word/styles.xml", Data(Self.styles.utf8), true),
            ("word/document.xml", Data(document.utf8), true),
        ])
    }

    static let w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

    func paragraph(_ p: Flow.Paragraph) -> String {
        let style: String? = switch p.kind {
        case .kicker: "Kicker"
        case .title: "Title"
        case .section: "Heading1"
        case .group: "Group"
        case .item: "Heading2"
        case .subItem: "Heading3"
        default: nil
        }
        var props = style.map { "<w:pStyle w:val=\"\($0)\"/>" } ?? ""
        let indent: (left: Int, hanging: Int)? = switch p.kind {
        case .person: (425, 0)
        case .body, .itemDetails: (425 + 425 * p.depth, 0)
        case .listItem: (850 + 425 * p.depth, 340)
        case .action: (850, 850)
        default: nil
        }
        if p.kind == .action || p.kind == .listItem {
            props += "<w:tabs><w:tab w:val=\"left\" w:pos=\"\(indent!.left)\"/></w:tabs>"
        }
        if let indent { props += "<w:ind w:left=\"\(indent.left)\" w:hanging=\"\(indent.hanging)\"/>" }
        var run = ""
        switch (p.kind, p.emphasis) {
        case (.status, _), (.itemDetails, _), (_, .muted): run = "<w:i/>"
        case (_, .decision): run = "<w:b/>"
        default: break
        }
        if p.emphasis == .muted { run += "<w:color w:val=\"555555\"/>" }
        let runProps = run.isEmpty ? "" : "<w:rPr>\(run)</w:rPr>"
        let runs = p.lines.enumerated().map { i, line in
            let parts = line.components(separatedBy: "\t").map { "<w:t xml:space=\"preserve\">\(OfficeXML.escape($0))</w:t>" }
            return "<w:r>\(runProps)\(i > 0 ? "<w:br/>" : "")\(parts.joined(separator: "<w:tab/>"))</w:r>"
        }.joined()
        return "<w:p>\(props.isEmpty ? "" : "<w:pPr>\(props)</w:pPr>")\(runs)</w:p>"
    }

    static let contentTypes = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
    <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
    <Default Extension="xml" ContentType="application/xml"/>\
    <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>\
    <Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>\
    </Types>

    """

    static let packageRels = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>\
    </Relationships>

    """

    static let documentRels = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>\
    </Relationships>

    """

    static let styles = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <w:styles xmlns:w="\(w)">\
    <w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="DejaVu Serif" w:hAnsi="DejaVu Serif" w:cs="DejaVu Serif"/>\
    <w:sz w:val="21"/><w:lang w:val="en-GB"/></w:rPr></w:rPrDefault>\
    <w:pPrDefault><w:pPr><w:spacing w:after="100" w:line="264" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>\
    <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>\
    <w:style w:type="paragraph" w:styleId="Kicker"><w:name w:val="Kicker"/><w:basedOn w:val="Normal"/><w:pPr><w:spacing w:after="0"/></w:pPr></w:style>\
    <w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/>\
    <w:pPr><w:spacing w:after="120"/></w:pPr><w:rPr><w:b/><w:sz w:val="34"/></w:rPr></w:style>\
    <w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/>\
    <w:pPr><w:keepNext/><w:spacing w:before="320" w:after="100"/><w:pBdr><w:bottom w:val="single" w:sz="4" w:space="1" w:color="888888"/></w:pBdr><w:outlineLvl w:val="0"/></w:pPr>\
    <w:rPr><w:b/><w:caps/><w:sz w:val="24"/></w:rPr></w:style>\
    <w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/>\
    <w:pPr><w:keepNext/><w:spacing w:before="220" w:after="60"/><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>\
    <w:style w:type="paragraph" w:styleId="Heading3"><w:name w:val="heading 3"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/>\
    <w:pPr><w:keepNext/><w:spacing w:before="160" w:after="60"/><w:ind w:left="425"/><w:outlineLvl w:val="2"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>\
    <w:style w:type="paragraph" w:styleId="Group"><w:name w:val="Group"/><w:basedOn w:val="Normal"/><w:pPr><w:keepNext/><w:spacing w:before="120" w:after="40"/></w:pPr>\
    <w:rPr><w:i/></w:rPr></w:style>\
    </w:styles>

    """
}
