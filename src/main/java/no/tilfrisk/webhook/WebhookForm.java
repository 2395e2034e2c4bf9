package no.tilfrisk.webhook;

import java.util.ArrayList;
import java.util.List;

/** A new hook: its address and the events it wants. The page's form and the API's body. */
public class WebhookForm {

    private String url;
    private List<WebhookEvent> events = new ArrayList<>();

    public WebhookForm() {
    }

    public WebhookForm(String url, List<WebhookEvent> events) {
        this.url = url;
        this.events = events == null ? new ArrayList<>() : new ArrayList<>(events);
    }

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public List<WebhookEvent> getEvents() {
        return events;
    }

    public void setEvents(List<WebhookEvent> events) {
        this.events = events == null ? new ArrayList<>() : events;
    }
}
