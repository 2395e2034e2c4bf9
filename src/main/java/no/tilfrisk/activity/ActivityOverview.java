package no.tilfrisk.activity;

/** An activity in a list, with its figures for the chosen period. */
public record ActivityOverview(Activity activity, String departmentName, ActivityCounts counts) {
}
