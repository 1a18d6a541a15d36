import Foundation

/// An OpenDocument text (.odt) on A4: the mimetype first and stored uncompressed, the
/// manifest, the content and the styles.
struct OpenDocumentFormat {
    func render(_ d: Document) throws -> Data {
        let body = Flow.paragraphs(d).map(paragraph).joined(separator: "\n")
        let content = """
        <?xml version="1.0" encoding="UTF-8"?>
        <office:document-content \(Self.namespaces) office:version="1.3"><office:body><office:text>
        \(body)
        </office:text></office:body></office:document-content>

        """
        return try Package.zip([
            ("mimetype", Data("application/vnd.oasis.opendocument.text".utf8), false),
            ("META-INF/manifest.xml", Data(Self.manifest.utf8), true),
            ("styles.xml", Data(Self.styles.utf8), true),
            ("content.xml", Data(content.utf8), true),
        ])
    }

    func paragraph(_ p: Flow.Paragraph) -> String {
        let style: String = switch p.kind {
        case .kicker: "Kicker"
        case .title: "Title"
        case .details: "Details"
        case .status: "Status"
        case .section: "Section"
        case .group: "Group"
        case .person: "Person"
        case .item: "Item"
        case .subItem: "SubItem"
        case .itemDetails: p.depth > 0 ? "SubDetails" : "Details_20_Item"
        case .body, .listItem:
            (p.kind == .listItem ? "List\(min(p.depth, 4))" : (p.depth > 0 ? "SubBody" : "Body"))
                + (p.emphasis == .decision ? "_Decision" : p.emphasis == .muted ? "_Muted" : "")
        case .action: "Action"
        }
        let text = p.lines.map { line in
            line.components(separatedBy: "\t").map(OfficeXML.escape).joined(separator: "<text:tab/>")
        }.joined(separator: "<text:line-break/>")
        switch p.kind {
        case .title: return "<text:h text:style-name=\"\(style)\" text:outline-level=\"1\">\(text)</text:h>"
        case .section: return "<text:h text:style-name=\"\(style)\" text:outline-level=\"2\">\(text)</text:h>"
        case .item: return "<text:h text:style-name=\"\(style)\" text:outline-level=\"3\">\(text)</text:h>"
        case .subItem: return "<text:h text:style-name=\"\(style)\" text:outline-level=\"4\">\(text)</text:h>"
        default: return "<text:p text:style-name=\"\(style)\">\(text)</text:p>"
        }
    }

    static let namespaces = """
    xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" \
    xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" \
    xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" \
    xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
    """

    static let manifest = """
    <?xml version="1.0" encoding="UTF-8"?>
    <manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">\
    <manifest:file-entry manifest:full-path="/" manifest:version="1.3" manifest:media-type="application/vnd.oasis.opendocument.text"/>\
    <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>\
    <manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>\
    </manifest:manifest>

    """

    static func paragraphStyle(_ name: String, indent: String = "0cm", hanging: String = "0cm", bold: Bool = false,
                               italic: Bool = false, size: String? = nil, before: String = "0cm", after: String = "0.18cm",
                               keep: Bool = false, colour: String? = nil, tab: String? = nil) -> String {
        var text = ""
        if bold { text += " fo:font-weight=\"bold\"" }
        if italic { text += " fo:font-style=\"italic\"" }
        if let size { text += " fo:font-size=\"\(size)\"" }
        if let colour { text += " fo:color=\"\(colour)\"" }
        let tabs = tab.map { "<style:tab-stops><style:tab-stop style:position=\"\($0)\"/></style:tab-stops>" } ?? ""
        return """
        <style:style style:name="\(name)" style:family="paragraph" style:parent-style-name="Standard">\
        <style:paragraph-properties fo:margin-left="\(indent)" fo:text-indent="-\(hanging)" fo:margin-top="\(before)" \
        fo:margin-bottom="\(after)"\(keep ? " fo:keep-with-next=\"always\"" : "")>\(tabs)</style:paragraph-properties>\
        <style:text-properties\(text)/></style:style>
        """
    }

    static let styles: String = {
        var defined = [
            paragraphStyle("Kicker", after: "0cm"),
            paragraphStyle("Title", bold: true, size: "17pt", after: "0.2cm"),
            paragraphStyle("Details", after: "0.2cm"),
            paragraphStyle("Status", italic: true),
            paragraphStyle("Section", bold: true, size: "12pt", before: "0.55cm", keep: true),
            paragraphStyle("Group", italic: true, before: "0.2cm", keep: true),
            paragraphStyle("Person", indent: "0.75cm", after: "0.05cm"),
            paragraphStyle("Item", bold: true, before: "0.4cm", keep: true),
            paragraphStyle("SubItem", indent: "0.75cm", bold: true, before: "0.3cm", keep: true),
            paragraphStyle("Details_20_Item", indent: "0.75cm", italic: true),
            paragraphStyle("SubDetails", indent: "1.5cm", italic: true),
            paragraphStyle("Action", indent: "1.5cm", hanging: "1.5cm", tab: "0cm"),
        ]
        for (name, indent) in [("Body", "0.75cm"), ("SubBody", "1.5cm")] {
            defined.append(paragraphStyle(name, indent: indent))
            defined.append(paragraphStyle(name + "_Decision", indent: indent, bold: true))
            defined.append(paragraphStyle(name + "_Muted", indent: indent, italic: true, colour: "#555555"))
        }
        for level in 0...4 {
            let indent = String(format: "%.2fcm", 1.5 + 0.75 * Double(level))
            defined.append(paragraphStyle("List\(level)", indent: indent, hanging: "0.6cm", after: "0.05cm", tab: "0cm"))
            defined.append(paragraphStyle("List\(level)_Decision", indent: indent, hanging: "0.6cm", bold: true, after: "0.05cm", tab: "0cm"))
            defined.append(paragraphStyle("List\(level)_Muted", indent: indent, hanging: "0.6cm", italic: true, after: "0.05cm",
                                          colour: "#555555", tab: "0cm"))
        }
        return """
        <?xml version="1.0" encoding="UTF-8"?>
        <office:document-styles \(namespaces) office:version="1.3">\
        <office:styles>\
        <style:default-style style:family="paragraph"><style:text-properties style:font-name="DejaVu Serif" \
        fo:font-family="'DejaVu Serif'" fo:font-size="10.5pt" fo:language="en" fo:country="GB"/></style:default-style>\
        <style:style style:name="Standard" style:family="paragraph"/>
        \(defined.joined(separator: "\n"))
        </office:styles>\
        <office:automatic-styles><style:page-layout style:name="A4"><style:page-layout-properties fo:page-width="21cm" \
        fo:page-height="29.7cm" style:print-orientation="portrait" fo:margin-top="2cm" fo:margin-bottom="2cm" \
        fo:margin-left="1.8cm" fo:margin-right="1.8cm"/></style:page-layout></office:automatic-styles>\
        <office:master-styles><style:master-page style:name="Standard" style:page-layout-name="A4"/></office:master-styles>\
        </office:document-styles>

        """
    }()
}
