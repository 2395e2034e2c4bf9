package no.tilfrisk.directory;

import org.springframework.cache.CacheManager;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The public search's filter choices, the same for every visitor (the areas and languages the published offers
 * name; the needs, groups and times are fixed lists), cached with Spring's cache abstraction. Read inside the
 * caller's transaction on a miss. Every write of an offer ({@link OfferRecords}) calls {@link #changed}: the cache
 * is emptied at once and again after the commit, so no reader can put back what the commit replaced.
 */
@Component
class PublicLists {

    static final String CACHE = "directory-filters";

    private final JdbcClient db;
    private final CacheManager caches;

    PublicLists(JdbcClient db, CacheManager caches) {
        this.db = db;
        this.caches = caches;
    }

    @Cacheable(cacheNames = CACHE, key = "'filters'")
    public Offers.Filters filters() {
        return new Offers.Filters(
                db.sql("SELECT DISTINCT area FROM offer WHERE published AND area IS NOT NULL ORDER BY 1 LIMIT 200")
                        .query(String.class).list(),
                db.sql("SELECT DISTINCT unnest(languages) FROM offer WHERE published ORDER BY 1 LIMIT 100")
                        .query(String.class).list());
    }

    /** An offer was written: forget the choices now and once the transaction has committed. */
    void changed() {
        clear();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    clear();
                }
            });
        }
    }

    private void clear() {
        var cache = caches.getCache(CACHE);
        if (cache != null) {
            cache.clear();
        }
    }
}
