package no.tilfrisk.activity;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Handed-out things another module keeps in tables of its own, counted in the distributions' totals as a kind of
 * their own (the leisure module's equipment loans). Implementations are beans; {@link Distributions#totals} asks
 * them with the scope it has already checked.
 */
public interface DistributionSource {

    /**
     * The totals of the period (both days included) in these departments, or in every department when
     * {@code departments} is null; only kinds with a count.
     */
    List<Distributions.Total> totals(UUID[] departments, LocalDate from, LocalDate to);
}
