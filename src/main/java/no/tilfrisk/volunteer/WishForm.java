package no.tilfrisk.volunteer;

import java.util.ArrayList;
import java.util.List;
import no.tilfrisk.volunteer.matching.Wish;

/** The wish form, for staff and for the participant on «Min side». */
public class WishForm {

    private List<Wish> wishes = new ArrayList<>();
    private String text;
    private String languages;
    private String area;
    private List<String> availability = new ArrayList<>();
    private boolean waiting = true;

    public static WishForm of(VolunteerWish w) {
        WishForm f = new WishForm();
        f.wishes = new ArrayList<>(w.wishes());
        f.text = w.text();
        f.languages = String.join(", ", w.languages());
        f.area = w.area();
        f.availability = new ArrayList<>(w.availability());
        f.waiting = w.waiting();
        return f;
    }

    public List<Wish> getWishes() { return wishes; }
    public void setWishes(List<Wish> v) { wishes = v; }
    public String getText() { return text; }
    public void setText(String v) { text = v; }
    public String getLanguages() { return languages; }
    public void setLanguages(String v) { languages = v; }
    public String getArea() { return area; }
    public void setArea(String v) { area = v; }
    public List<String> getAvailability() { return availability; }
    public void setAvailability(List<String> v) { availability = v; }
    public boolean isWaiting() { return waiting; }
    public void setWaiting(boolean v) { waiting = v; }
}
