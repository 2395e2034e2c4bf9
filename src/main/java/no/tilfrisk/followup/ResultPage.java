package no.tilfrisk.followup;

import java.util.List;

/** One page of a list, with the total so that pages and API clients can page on. */
public record ResultPage<T>(List<T> items, int page, int size, long total) {

    public boolean hasPrevious() {
        return page > 0;
    }

    public boolean hasNext() {
        return (long) (page + 1) * size < total;
    }
}
