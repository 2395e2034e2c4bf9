package no.tilfrisk.report.funder;

import no.tilfrisk.report.annual.Markdown;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Entities;
import org.jsoup.safety.Safelist;

/**
 * A narrative section as written (Markdown) to HTML that is safe to put on a page and into the PDF: CommonMark
 * renders it, then jsoup cleans it against an allow-list of text elements, so that raw HTML in the text is dropped
 * (scripts with their content, styles, event attributes, images; links only http, https and mailto, with
 * rel=nofollow), and writes it as XHTML, as the PDF needs. The same approach as the annual report's narratives.
 */
final class FunderMarkdown {

    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().sanitizeUrls(true).build();
    private static final Safelist ALLOWED = Safelist.basic().addTags("h3", "h4");

    private FunderMarkdown() {
    }

    /** Sanitised XHTML, or null for a blank text. */
    static String html(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return null;
        }
        String raw = RENDERER.render(PARSER.parse(markdown));
        Document.OutputSettings out = new Document.OutputSettings().syntax(Document.OutputSettings.Syntax.xml)
                .escapeMode(Entities.EscapeMode.xhtml).charset("UTF-8").prettyPrint(false);
        return Jsoup.clean(raw, "", ALLOWED, out);
    }

    /** The text without markup, for DOCX, XLSX and CSV. */
    static String text(String markdown) {
        String html = html(markdown);
        if (html == null) {
            return null;
        }
        Document doc = Jsoup.parseBodyFragment(html);
        doc.outputSettings().prettyPrint(false);
        // keep paragraphs and list items apart
        doc.select("p, li, h3, h4, br").forEach(e -> e.after("\n"));
        return doc.wholeText().replaceAll("\n{3,}", "\n\n").strip();
    }
}
