package no.tilfrisk.platform.web;

import java.util.List;

/**
 * One page of a list, with the total so that pages and API clients can page on; {@code page} counts from 0. The
 * pages show it with the pager fragment, {@code fragments/pager :: pager(result, link)}.
 */
public record ResultPage<T>(List<T> items, int page, int size, long total) {

    public boolean hasPrevious() {
        return page > 0;
    }

    public boolean hasNext() {
        return (long) (page + 1) * size < total;
    }
}
