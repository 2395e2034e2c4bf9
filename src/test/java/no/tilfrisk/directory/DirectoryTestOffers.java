package no.tilfrisk.directory;

import org.springframework.boot.test.context.TestComponent;

/** Makes {@link DirectoryFixtures}' three offers for tests outside this package (the browser test). */
@TestComponent
public class DirectoryTestOffers {

    private final Offers offers;

    public DirectoryTestOffers(Offers offers) {
        this.offers = offers;
    }

    /** The three offers; returns the word their names share. */
    public String create() {
        return DirectoryFixtures.create(offers).word();
    }
}
