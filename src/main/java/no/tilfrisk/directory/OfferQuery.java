package no.tilfrisk.directory;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import no.tilfrisk.platform.Text;
import no.tilfrisk.platform.web.InvalidInputException;

/**
 * The search as it arrives on the page or the public API: every value as text, checked here into an
 * {@link OfferSearch}. Broken values (an unknown tag, a search of more than {@value OfferSearch#MAX_QUERY}
 * characters) become messages for their fields, never a failure of the server.
 */
public class OfferQuery {

    private String q;
    private List<String> need = new ArrayList<>();
    private List<String> group = new ArrayList<>();
    private boolean lowThreshold;
    private boolean free;
    private String area;
    private String language;
    private String open;
    private int page;
    private int size = 20;

    public OfferSearch toSearch() {
        List<InvalidInputException> broken = new ArrayList<>();
        String query = Text.blankToNull(q);
        if (query != null && query.length() > OfferSearch.MAX_QUERY) {
            broken.add(new InvalidInputException("q", "directory.error.queryTooLong", OfferSearch.MAX_QUERY));
        }
        Set<Need> needs = EnumSet.noneOf(Need.class);
        for (String code : need) {
            if (Text.blankToNull(code) == null) {
                continue;
            }
            try {
                needs.add(Need.of(code));
            } catch (IllegalArgumentException e) {
                broken.add(new InvalidInputException("need", "directory.error.unknownTag", code.length() > 40 ? code.substring(0, 40) : code));
            }
        }
        Set<TargetGroup> groups = EnumSet.noneOf(TargetGroup.class);
        for (String code : group) {
            if (Text.blankToNull(code) == null) {
                continue;
            }
            try {
                groups.add(TargetGroup.of(code));
            } catch (IllegalArgumentException e) {
                broken.add(new InvalidInputException("group", "directory.error.unknownTag", code.length() > 40 ? code.substring(0, 40) : code));
            }
        }
        OpenWhen when = null;
        try {
            when = OpenWhen.parse(open).orElse(null);
        } catch (IllegalArgumentException e) {
            broken.add(new InvalidInputException("open", "directory.error.open"));
        }
        String areaText = Text.blankToNull(area);
        if (areaText != null && areaText.length() > 100) {
            broken.add(new InvalidInputException("area", "directory.error.tooLong", 100));
        }
        String lang = Text.blankToNull(language);
        if (lang != null && !lang.matches("[a-z]{2,3}")) {
            broken.add(new InvalidInputException("language", "directory.error.language", lang.length() > 40 ? lang.substring(0, 40) : lang));
        }
        InvalidInputException.throwIfAny(broken);
        return new OfferSearch(query, needs, groups, lowThreshold, free, areaText, lang, when, page,
                Math.min(size, OfferSearch.MAX_SIZE));
    }

    public String getQ() { return q; }
    public void setQ(String q) { this.q = q; }
    public List<String> getNeed() { return need; }
    public void setNeed(List<String> need) { this.need = need == null ? new ArrayList<>() : need; }
    public List<String> getGroup() { return group; }
    public void setGroup(List<String> group) { this.group = group == null ? new ArrayList<>() : group; }
    public boolean isLowThreshold() { return lowThreshold; }
    public void setLowThreshold(boolean lowThreshold) { this.lowThreshold = lowThreshold; }
    public boolean isFree() { return free; }
    public void setFree(boolean free) { this.free = free; }
    public String getArea() { return area; }
    public void setArea(String area) { this.area = area; }
    public String getLanguage() { return language; }
    public void setLanguage(String language) { this.language = language; }
    public String getOpen() { return open; }
    public void setOpen(String open) { this.open = open; }
    public int getPage() { return page; }
    public void setPage(int page) { this.page = page; }
    public int getSize() { return size; }
    public void setSize(int size) { this.size = size; }
}
