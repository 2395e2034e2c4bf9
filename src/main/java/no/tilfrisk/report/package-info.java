/**
 * The reports: the annual report ({@code annual}), the funder's final report ({@code funder}), the «Oversikt»
 * dashboard ({@code dashboard}), the exports ({@code export}) and small-number protection ({@code disclosure}).
 * No other module uses the reports, so the public face is only what the demo data writes: the report texts
 * ({@link no.tilfrisk.report.ReportNarratives}, {@link no.tilfrisk.report.NarrativeSection}). Each sub-package
 * holds its service beside its pages and API.
 */
package no.tilfrisk.report;
