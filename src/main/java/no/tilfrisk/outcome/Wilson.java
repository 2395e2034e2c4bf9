package no.tilfrisk.outcome;

/** The Wilson score interval of a proportion (Wilson 1927), the one that behaves at small n and near 0 and 1. */
public final class Wilson {

    /** The 97.5th percentile of the standard normal distribution. */
    static final double Z95 = 1.959963984540054;

    private Wilson() {
    }

    /** [low, high] of the 95 % interval of x successes in n; n must be positive. */
    public static double[] interval95(long x, long n) {
        if (n <= 0 || x < 0 || x > n) {
            throw new IllegalArgumentException("x " + x + " of n " + n);
        }
        double p = (double) x / n;
        double z2 = Z95 * Z95;
        double denominator = 1 + z2 / n;
        double centre = (p + z2 / (2.0 * n)) / denominator;
        double half = Z95 * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / denominator;
        // at x = 0 and x = n the bound is exactly 0 or 1; rounding would leave it a hair off
        return new double[] {x == 0 ? 0 : Math.max(0, centre - half), x == n ? 1 : Math.min(1, centre + half)};
    }
}
