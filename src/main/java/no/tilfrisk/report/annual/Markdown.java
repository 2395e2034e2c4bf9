package no.tilfrisk.report.annual;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.safety.Safelist;

/**
 * Narrative text written in the app: Markdown rendered by CommonMark, then cleaned by jsoup against an allow-list
 * (text formatting, lists, links with http, https or mailto, quotes, small headings), so that script, styles,
 * event handlers and any other HTML in the input are gone. The result is XHTML, as the PDF needs; the plain text
 * is for DOCX, XLSX and CSV.
 */
public final class Markdown {

    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().build();
    private static final Safelist ALLOWED = Safelist.basic().addTags("h3", "h4", "h5", "h6")
            .removeProtocols("a", "href", "ftp");

    private Markdown() {
    }

    /** Rendered and sanitised: well-formed XHTML with only the allowed elements. */
    public static String toSafeHtml(String markdown) {
        String html = RENDERER.render(PARSER.parse(markdown == null ? "" : markdown));
        // Markdown headings #, ## would compete with the report's own: they become the small ones
        html = html.replace("<h1>", "<h3>").replace("</h1>", "</h3>").replace("<h2>", "<h3>").replace("</h2>", "</h3>");
        Document.OutputSettings xhtml = new Document.OutputSettings().syntax(Document.OutputSettings.Syntax.xml)
                .escapeMode(Entities.EscapeMode.xhtml).charset("UTF-8").prettyPrint(false);
        return Jsoup.clean(html, "", ALLOWED, xhtml);
    }

    /** The same as plain text: a line per paragraph, heading or list item (with a bullet), no markup. */
    public static String toPlainText(String markdown) {
        Element body = Jsoup.parseBodyFragment(toSafeHtml(markdown)).body();
        StringBuilder out = new StringBuilder();
        for (Element e : body.select("p, li, h3, h4, h5, h6, pre, blockquote > p")) {
            if (e.tagName().equals("p") && e.parent() != null && e.parent().tagName().equals("li")) {
                continue;
            }
            if (!out.isEmpty()) {
                out.append('\n');
            }
            out.append(e.tagName().equals("li") ? "• " : "").append(e.text());
        }
        return out.toString();
    }
}
